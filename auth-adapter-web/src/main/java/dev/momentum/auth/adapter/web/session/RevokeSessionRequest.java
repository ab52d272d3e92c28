package dev.momentum.auth.adapter.web.session;

public record RevokeSessionRequest(String token) {
}
