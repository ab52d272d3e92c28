package dev.momentum.auth.application.throttle;

import dev.momentum.auth.application.support.BoundedMap;
import dev.momentum.auth.application.throttle.port.out.RateLimitStore;
import dev.momentum.auth.domain.throttle.RateWindow;
import java.time.Duration;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Counts in this instance's memory, for the paths whose budget only guards against floods: a
 * shared count there would make every cheap read a database write (ADR-0022). When full, a new
 * key is counted as its first request and not remembered, so a flood of addresses cannot exhaust
 * the memory.
 */
public final class LocalRateLimitStore implements RateLimitStore {

    private final BoundedMap<String, RateWindow> windows;

    public LocalRateLimitStore(int capacity) {
        this.windows = new BoundedMap<>(capacity, Duration.ofSeconds(1), RateWindow::isOver);
    }

    @Override
    public Mono<RateWindow> hit(String key, Duration length, Instant now) {
        if (!windows.hasRoomFor(key, now)) {
            return Mono.just(RateWindow.opened(now, length));
        }
        return Mono.just(windows.compute(key,
                (ignored, window) -> window == null ? RateWindow.opened(now, length) : window.hit(now, length)));
    }

    int size() {
        return windows.size();
    }
}
