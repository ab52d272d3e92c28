package dev.momentum.auth.application.migration.port.in;

import java.time.Duration;
import java.util.Objects;

/**
 * @param dryRun    read and write everything, then roll each page back: the report is exact, nothing changes
 * @param pageSize  rows per page and per transaction
 * @param jwtLifetime the longest lifetime of the JWTs better-auth signed: its keys stay published that long after the run
 */
public record BetterAuthImportCommand(boolean dryRun, int pageSize, Duration jwtLifetime) {

    public BetterAuthImportCommand {
        if (pageSize < 1 || pageSize > 10_000) {
            throw new IllegalArgumentException("pageSize must be between 1 and 10000");
        }
        Objects.requireNonNull(jwtLifetime, "jwtLifetime cannot be null");
    }
}
