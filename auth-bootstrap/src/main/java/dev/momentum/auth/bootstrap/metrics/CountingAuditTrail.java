package dev.momentum.auth.bootstrap.metrics;

import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.domain.audit.SecurityEvent;
import dev.momentum.auth.domain.audit.SecurityEventFilter;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.audit.StoredSecurityEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts every security event into {@code auth_events_total{type, outcome}} as it goes to the
 * trail, counted even when the trail cannot store it. Every series exists from the start at 0, so
 * that rates and alerts work from the first event.
 */
final class CountingAuditTrail implements AuditTrail {

    private final AuditTrail trail;
    private final Map<SecurityEventType, Counter> successes = new EnumMap<>(SecurityEventType.class);
    private final Map<SecurityEventType, Counter> failures = new EnumMap<>(SecurityEventType.class);

    CountingAuditTrail(AuditTrail trail, MeterRegistry registry) {
        this.trail = trail;
        for (SecurityEventType type : SecurityEventType.values()) {
            successes.put(type, counter(registry, type, "success"));
            failures.put(type, counter(registry, type, "failure"));
        }
    }

    private static Counter counter(MeterRegistry registry, SecurityEventType type, String outcome) {
        return Counter.builder("auth.events")
                .description("Security events (sign-ups, sign-ins, resets, …) by type and outcome")
                .tag("type", type.name())
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public Mono<Void> append(SecurityEvent event) {
        return Mono.defer(() -> {
            (event.succeeded() ? successes : failures).get(event.type()).increment();
            return trail.append(event);
        });
    }

    @Override
    public Flux<StoredSecurityEvent> find(SecurityEventFilter filter) {
        return trail.find(filter);
    }

    @Override
    public Mono<Long> deleteBefore(Instant cutoff) {
        return trail.deleteBefore(cutoff);
    }
}
