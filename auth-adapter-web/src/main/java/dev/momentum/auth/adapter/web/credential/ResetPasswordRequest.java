package dev.momentum.auth.adapter.web.credential;

public record ResetPasswordRequest(String newPassword, String token) {

    @Override
    public String toString() {
        return "ResetPasswordRequest[hidden]";
    }
}
