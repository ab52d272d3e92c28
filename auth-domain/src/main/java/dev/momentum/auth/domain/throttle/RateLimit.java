package dev.momentum.auth.domain.throttle;

import java.time.Duration;
import java.util.Objects;

/** At most {@code max} requests in a window of {@code window}, counted from the first of them. */
public record RateLimit(int max, Duration window) {

    public RateLimit {
        Objects.requireNonNull(window, "window cannot be null");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    @Override
    public String toString() {
        return max + "/" + window.toSeconds() + "s";
    }
}
