package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.throttle.port.out.RateLimitStore;
import dev.momentum.auth.domain.throttle.RateWindow;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DataIntegrityViolationException;
import reactor.core.publisher.Mono;

/**
 * Counts in the rate_limits table with statements both PostgreSQL and H2 run: an UPDATE that
 * adds the hit (or opens a new window) atomically on the row, an INSERT for a bucket's first
 * hit, then a read of the row. Two instances inserting the same new bucket at once collide on the
 * primary key, and the loser counts its hit with the UPDATE.
 */
final class RateLimitPersistenceAdapter implements RateLimitStore {

    private final StorageGuard storage;

    RateLimitPersistenceAdapter(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Mono<RateWindow> hit(String key, Duration length, Instant now) {
        Instant endsIfNew = now.plus(length);
        return addHit(key, now, endsIfNew)
                .flatMap(updated -> updated ? Mono.just(true) : insertFirstHit(key, endsIfNew))
                .flatMap(counted -> counted ? Mono.just(true) : addHit(key, now, endsIfNew))
                .then(read(key));
    }

    private Mono<Boolean> addHit(String key, Instant now, Instant endsIfNew) {
        return storage.guard(storage.client().sql("""
                        UPDATE rate_limits
                        SET hits = CASE WHEN window_ends_at > :now THEN hits + 1 ELSE 1 END,
                            window_ends_at = CASE WHEN window_ends_at > :now THEN window_ends_at ELSE :ends END
                        WHERE bucket = :bucket""")
                .bind("now", Timestamps.of(now))
                .bind("ends", Timestamps.of(endsIfNew))
                .bind("bucket", key)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1));
    }

    private Mono<Boolean> insertFirstHit(String key, Instant endsAt) {
        return storage.guard(storage.client().sql(
                        "INSERT INTO rate_limits (bucket, window_ends_at, hits) VALUES (:bucket, :ends, 1)")
                .bind("bucket", key)
                .bind("ends", Timestamps.of(endsAt))
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1)
                .onErrorResume(DataIntegrityViolationException.class, lostTheRace -> Mono.just(false)));
    }

    private Mono<RateWindow> read(String key) {
        return storage.guard(storage.client().sql("SELECT window_ends_at, hits FROM rate_limits WHERE bucket = :bucket")
                .bind("bucket", key)
                .map(row -> new RateWindow(Timestamps.read(row, "window_ends_at"), row.get("hits", Long.class)))
                .one());
    }
}
