package dev.momentum.auth.adapter.web.account;

public record ChangeEmailRequest(String newEmail, String callbackURL) {
}
