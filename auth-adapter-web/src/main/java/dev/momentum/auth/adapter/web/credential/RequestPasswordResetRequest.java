package dev.momentum.auth.adapter.web.credential;

public record RequestPasswordResetRequest(String email, String redirectTo) {
}
