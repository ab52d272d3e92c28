package dev.momentum.auth.adapter.web.credential;

public record ChangePasswordRequest(String newPassword, String currentPassword, Boolean revokeOtherSessions) {

    @Override
    public String toString() {
        return "ChangePasswordRequest[passwords hidden]";
    }
}
