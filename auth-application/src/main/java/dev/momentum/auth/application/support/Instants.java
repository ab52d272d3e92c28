package dev.momentum.auth.application.support;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Time as the service stores and shows it: milliseconds, like JavaScript dates in better-auth's JSON. */
public final class Instants {

    private Instants() {
    }

    public static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
