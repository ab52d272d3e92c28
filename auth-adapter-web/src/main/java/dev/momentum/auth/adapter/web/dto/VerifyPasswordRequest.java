package dev.momentum.auth.adapter.web.dto;

public record VerifyPasswordRequest(String password) {

    @Override
    public String toString() {
        return "VerifyPasswordRequest[password hidden]";
    }
}
