package dev.momentum.auth.adapter.web.verification;

public record SendVerificationEmailRequest(String email, String callbackURL) {
}
