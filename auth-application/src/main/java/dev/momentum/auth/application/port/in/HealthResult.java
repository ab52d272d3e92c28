package dev.momentum.auth.application.port.in;

public record HealthResult(boolean databaseReachable) {

    public boolean healthy() {
        return databaseReachable;
    }
}
