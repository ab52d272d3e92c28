package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.domain.audit.SecurityEvent;
import dev.momentum.auth.domain.audit.SecurityEventFilter;
import dev.momentum.auth.domain.audit.StoredSecurityEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Keeps the events in a list, as the audit_events table keeps them. */
public final class InMemoryAuditTrail implements AuditTrail {

    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> append(SecurityEvent event) {
        return Mono.fromRunnable(() -> events.add(event));
    }

    @Override
    public Flux<StoredSecurityEvent> find(SecurityEventFilter filter) {
        List<StoredSecurityEvent> stored = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            stored.add(new StoredSecurityEvent(i + 1, events.get(i)));
        }
        return Flux.fromIterable(stored.reversed())
                .filter(candidate -> matches(filter, candidate))
                .take(filter.limit());
    }

    private static boolean matches(SecurityEventFilter filter, StoredSecurityEvent candidate) {
        SecurityEvent event = candidate.event();
        return filter.userId().map(id -> id.equals(event.userId())).orElse(true)
                && filter.email().map(email -> email.equals(event.email())).orElse(true)
                && filter.type().map(type -> type == event.type()).orElse(true)
                && filter.succeeded().map(succeeded -> succeeded == event.succeeded()).orElse(true)
                && filter.from().map(from -> !event.occurredAt().isBefore(from)).orElse(true)
                && filter.to().map(to -> event.occurredAt().isBefore(to)).orElse(true)
                && filter.beforeId().map(id -> candidate.id() < id).orElse(true);
    }

    @Override
    public Mono<Long> deleteBefore(Instant cutoff) {
        return Mono.fromCallable(() -> {
            List<SecurityEvent> old = events.stream().filter(event -> event.occurredAt().isBefore(cutoff)).toList();
            events.removeAll(old);
            return (long) old.size();
        });
    }

    public List<SecurityEvent> events() {
        return List.copyOf(events);
    }
}
