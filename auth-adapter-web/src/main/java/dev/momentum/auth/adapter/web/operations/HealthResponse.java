package dev.momentum.auth.adapter.web.operations;

public record HealthResponse(String status, String database) {
}
