package dev.momentum.auth.application.audit.port.out;

import dev.momentum.auth.domain.audit.SecurityEvent;
import dev.momentum.auth.domain.audit.SecurityEventFilter;
import dev.momentum.auth.domain.audit.StoredSecurityEvent;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where security events are kept, for the people who answer "who did what, from where". */
public interface AuditTrail {

    Mono<Void> append(SecurityEvent event);

    /** The events the filter selects, newest first. */
    Flux<StoredSecurityEvent> find(SecurityEventFilter filter);

    /** Deletes the events that occurred before the cutoff (the retention); returns how many. */
    Mono<Long> deleteBefore(Instant cutoff);
}
