package dev.momentum.auth.adapter.web.credential;

public record VerifyPasswordRequest(String password) {

    @Override
    public String toString() {
        return "VerifyPasswordRequest[password hidden]";
    }
}
