package dev.momentum.auth.adapter.web.credential;

public record PasswordResetRequestedResponse(boolean status, String message) {

    public static final PasswordResetRequestedResponse ANSWER = new PasswordResetRequestedResponse(true,
            "If this email exists in our system, check your email for the reset link");
}
