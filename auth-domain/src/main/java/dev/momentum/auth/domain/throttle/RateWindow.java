package dev.momentum.auth.domain.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The requests one key made in its current window. A window starts with a request after the last
 * one ended and lasts a fixed time: requests refused inside it are counted but never extend it,
 * so a key that is flooded is refused for one window at most after the flood stops.
 */
public record RateWindow(Instant endsAt, long hits) {

    public RateWindow {
        Objects.requireNonNull(endsAt, "endsAt cannot be null");
    }

    /** The window a first request at {@code now} opens. */
    public static RateWindow opened(Instant now, Duration length) {
        return new RateWindow(now.plus(length), 1);
    }

    /** This window after one more request at {@code now}: a new window if this one has ended. */
    public RateWindow hit(Instant now, Duration length) {
        return isOver(now) ? opened(now, length) : new RateWindow(endsAt, hits + 1);
    }

    public boolean isOver(Instant now) {
        return !now.isBefore(endsAt);
    }

    /** Empty while the window holds no more than the limit allows; otherwise how long until it ends. */
    public Optional<Duration> retryAfter(RateLimit limit, Instant now) {
        return hits <= limit.max() || isOver(now) ? Optional.empty() : Optional.of(Duration.between(now, endsAt));
    }
}
