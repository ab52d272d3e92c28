package dev.momentum.auth.adapter.web.dto;

public record HealthResponse(String status, String database) {
}
