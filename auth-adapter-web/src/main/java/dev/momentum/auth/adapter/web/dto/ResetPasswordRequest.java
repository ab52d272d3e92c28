package dev.momentum.auth.adapter.web.dto;

public record ResetPasswordRequest(String newPassword, String token) {

    @Override
    public String toString() {
        return "ResetPasswordRequest[hidden]";
    }
}
