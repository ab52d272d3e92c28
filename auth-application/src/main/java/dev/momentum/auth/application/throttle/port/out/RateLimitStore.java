package dev.momentum.auth.application.throttle.port.out;

import dev.momentum.auth.domain.throttle.RateWindow;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Counts requests per key, atomically, where every instance of the service sees the same counts. */
public interface RateLimitStore {

    /**
     * Counts one request for {@code key} at {@code now} and answers the key's window after it, as
     * {@link RateWindow#hit} would: a window of {@code length} opens when the last one has ended.
     */
    Mono<RateWindow> hit(String key, Duration length, Instant now);
}
