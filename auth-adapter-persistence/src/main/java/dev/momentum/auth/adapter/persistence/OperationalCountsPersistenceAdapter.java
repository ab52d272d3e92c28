package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.operations.port.out.OperationalCounts;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** Two COUNTs, each served by an index (sessions by expiry, the outbox by status). */
final class OperationalCountsPersistenceAdapter implements OperationalCounts {

    private final StorageGuard storage;

    OperationalCountsPersistenceAdapter(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Mono<Long> liveSessions(Instant now) {
        return storage.guard(storage.client().sql("SELECT COUNT(*) AS n FROM sessions WHERE expires_at > :now")
                .bind("now", Timestamps.of(now))
                .map(row -> row.get("n", Long.class))
                .one());
    }

    @Override
    public Mono<Long> pendingMail() {
        return storage.guard(storage.client().sql("SELECT COUNT(*) AS n FROM mail_outbox WHERE status = 'PENDING'")
                .map(row -> row.get("n", Long.class))
                .one());
    }
}
