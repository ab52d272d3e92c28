package dev.momentum.auth.adapter.web.dto;

public record RequestPasswordResetRequest(String email, String redirectTo) {
}
