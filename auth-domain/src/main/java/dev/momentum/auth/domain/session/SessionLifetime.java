package dev.momentum.auth.domain.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live, as better-auth's defaults: {@code remembered} for a normal sign-in
 * (7 days), {@code forgettable} for rememberMe=false (1 day). A session used at least
 * {@code updateAge} after its last extension slides to a full {@code remembered} again (1 day);
 * a session younger than {@code freshAge} may list the user's sessions (1 day). No session slides
 * beyond {@code maximum} after its sign-in (30 days, NIST SP 800-63B's bound for re-authentication
 * at AAL1; better-auth has none): then the user signs in again (ASVS 5.0 7.3.2).
 */
public record SessionLifetime(Duration remembered, Duration forgettable, Duration updateAge, Duration freshAge,
                              Duration maximum) {

    public static final SessionLifetime DEFAULT = new SessionLifetime(Duration.ofDays(7), Duration.ofDays(1),
            Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(30));

    public SessionLifetime {
        for (Duration duration : new Duration[] {remembered, forgettable, updateAge, freshAge, maximum}) {
            Objects.requireNonNull(duration, "session durations cannot be null");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("session durations must be positive");
            }
        }
        if (maximum.compareTo(remembered) < 0) {
            throw new IllegalArgumentException("the maximum session lifetime cannot be shorter than a remembered session");
        }
    }

    public Duration of(boolean rememberMe) {
        return rememberMe ? remembered : forgettable;
    }
}
