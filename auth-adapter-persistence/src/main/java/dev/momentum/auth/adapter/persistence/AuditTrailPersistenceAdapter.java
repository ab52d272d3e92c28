package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.port.out.AuditTrail;
import dev.momentum.auth.domain.audit.SecurityEvent;
import java.time.Instant;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

/** The audit_events table: one INSERT an event; retention deletes in batches, as the other purges do. */
final class AuditTrailPersistenceAdapter implements AuditTrail {

    private final StorageGuard storage;
    private final StaleRecordsPersistenceAdapter purges;

    AuditTrailPersistenceAdapter(StorageGuard storage, StaleRecordsPersistenceAdapter purges) {
        this.storage = storage;
        this.purges = purges;
    }

    @Override
    public Mono<Void> append(SecurityEvent event) {
        return storage.guard(storage.client().sql("""
                        INSERT INTO audit_events (occurred_at, type, succeeded, user_id, email, ip_address, user_agent, detail)
                        VALUES (:occurredAt, :type, :succeeded, :userId, :email, :ip, :userAgent, :detail)""")
                .bind("occurredAt", Timestamps.of(event.occurredAt()))
                .bind("type", event.type().name())
                .bind("succeeded", event.succeeded())
                .bind("userId", Parameter.fromOrEmpty(event.userId() == null ? null : event.userId().value(), String.class))
                .bind("email", Parameter.fromOrEmpty(event.email(), String.class))
                .bind("ip", Parameter.fromOrEmpty(event.client().ipAddress(), String.class))
                .bind("userAgent", Parameter.fromOrEmpty(event.client().userAgent(), String.class))
                .bind("detail", Parameter.fromOrEmpty(event.detail(), String.class))
                .then());
    }

    @Override
    public Mono<Long> deleteBefore(Instant cutoff) {
        return purges.inBatches("audit_events", "id", "occurred_at < :cutoff", cutoff);
    }
}
