package dev.momentum.auth.domain.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live: {@code remembered} for a normal sign-in (better-auth: 7 days),
 * {@code forgettable} for a sign-in with rememberMe=false (better-auth: 1 day).
 */
public record SessionLifetime(Duration remembered, Duration forgettable) {

    public static final SessionLifetime DEFAULT = new SessionLifetime(Duration.ofDays(7), Duration.ofDays(1));

    public SessionLifetime {
        Objects.requireNonNull(remembered, "remembered cannot be null");
        Objects.requireNonNull(forgettable, "forgettable cannot be null");
        if (remembered.isNegative() || remembered.isZero() || forgettable.isNegative() || forgettable.isZero()) {
            throw new IllegalArgumentException("session lifetimes must be positive");
        }
    }

    public Duration of(boolean rememberMe) {
        return rememberMe ? remembered : forgettable;
    }
}
