package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.domain.audit.SecurityEvent;
import dev.momentum.auth.domain.audit.SecurityEventFilter;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.audit.StoredSecurityEvent;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
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
                        INSERT INTO audit_events (occurred_at, type, succeeded, user_id, actor_id, email, ip_address,
                                                  user_agent, detail)
                        VALUES (:occurredAt, :type, :succeeded, :userId, :actorId, :email, :ip, :userAgent, :detail)""")
                .bind("occurredAt", Timestamps.of(event.occurredAt()))
                .bind("type", event.type().name())
                .bind("succeeded", event.succeeded())
                .bind("userId", Parameter.fromOrEmpty(event.userId() == null ? null : event.userId().value(), String.class))
                .bind("actorId", Parameter.fromOrEmpty(event.actorId() == null ? null : event.actorId().value(), String.class))
                .bind("email", Parameter.fromOrEmpty(event.email(), String.class))
                .bind("ip", Parameter.fromOrEmpty(event.client().ipAddress(), String.class))
                .bind("userAgent", Parameter.fromOrEmpty(event.client().userAgent(), String.class))
                .bind("detail", Parameter.fromOrEmpty(event.detail(), String.class))
                .then());
    }

    @Override
    public Flux<StoredSecurityEvent> find(SecurityEventFilter filter) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        filter.userId().ifPresent(id -> condition(conditions, values, "user_id = :userId", "userId", id.value()));
        filter.email().ifPresent(email -> condition(conditions, values, "email = :email", "email", email));
        filter.type().ifPresent(type -> condition(conditions, values, "type = :type", "type", type.name()));
        filter.succeeded().ifPresent(succeeded -> condition(conditions, values, "succeeded = :succeeded", "succeeded",
                succeeded));
        filter.from().ifPresent(from -> condition(conditions, values, "occurred_at >= :from", "from", Timestamps.of(from)));
        filter.to().ifPresent(to -> condition(conditions, values, "occurred_at < :to", "to", Timestamps.of(to)));
        filter.beforeId().ifPresent(id -> condition(conditions, values, "id < :beforeId", "beforeId", id));
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        var spec = storage.client().sql("SELECT id, occurred_at, type, succeeded, user_id, actor_id, email, ip_address, "
                + "user_agent, detail FROM audit_events" + where + " ORDER BY id DESC LIMIT :limit")
                .bind("limit", filter.limit());
        for (var value : values.entrySet()) {
            spec = spec.bind(value.getKey(), value.getValue());
        }
        return storage.guardMany(spec.map(row -> new StoredSecurityEvent(row.get("id", Long.class), new SecurityEvent(
                Timestamps.read(row, "occurred_at"), SecurityEventType.valueOf(row.get("type", String.class)),
                Boolean.TRUE.equals(row.get("succeeded", Boolean.class)), userId(row.get("user_id", String.class)),
                row.get("email", String.class), new ClientInfo(row.get("ip_address", String.class),
                row.get("user_agent", String.class)), row.get("detail", String.class),
                userId(row.get("actor_id", String.class))))).all());
    }

    private static void condition(List<String> conditions, Map<String, Object> values, String condition, String name,
                                  Object value) {
        conditions.add(condition);
        values.put(name, value);
    }

    private static UserId userId(String value) {
        return value == null ? null : new UserId(value);
    }

    @Override
    public Mono<Long> deleteBefore(Instant cutoff) {
        return purges.inBatches("audit_events", "id", "occurred_at < :cutoff", cutoff);
    }
}
