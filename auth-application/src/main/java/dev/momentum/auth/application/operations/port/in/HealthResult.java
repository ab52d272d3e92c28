package dev.momentum.auth.application.operations.port.in;

public record HealthResult(boolean databaseReachable) {

    public boolean healthy() {
        return databaseReachable;
    }
}
