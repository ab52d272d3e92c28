package dev.momentum.auth.adapter.web.dto;

public record SendVerificationEmailRequest(String email, String callbackURL) {
}
