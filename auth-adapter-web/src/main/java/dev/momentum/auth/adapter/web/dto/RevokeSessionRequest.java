package dev.momentum.auth.adapter.web.dto;

public record RevokeSessionRequest(String token) {
}
