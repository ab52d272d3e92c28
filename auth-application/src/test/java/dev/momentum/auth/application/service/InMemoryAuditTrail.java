package dev.momentum.auth.application.service;

import dev.momentum.auth.application.port.out.AuditTrail;
import dev.momentum.auth.domain.audit.SecurityEvent;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** Keeps the events in a list, as the audit_events table keeps them. */
final class InMemoryAuditTrail implements AuditTrail {

    private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> append(SecurityEvent event) {
        return Mono.fromRunnable(() -> events.add(event));
    }

    @Override
    public Mono<Long> deleteBefore(Instant cutoff) {
        return Mono.fromCallable(() -> {
            List<SecurityEvent> old = events.stream().filter(event -> event.occurredAt().isBefore(cutoff)).toList();
            events.removeAll(old);
            return (long) old.size();
        });
    }

    List<SecurityEvent> events() {
        return List.copyOf(events);
    }
}
