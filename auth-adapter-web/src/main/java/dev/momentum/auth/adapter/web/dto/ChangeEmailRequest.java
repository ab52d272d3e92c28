package dev.momentum.auth.adapter.web.dto;

public record ChangeEmailRequest(String newEmail, String callbackURL) {
}
