package dev.momentum.auth.application.operations.port.out;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** Counts an operator watches, taken from the stored records. */
public interface OperationalCounts {

    /** Sessions that have not expired at {@code now}. */
    Mono<Long> liveSessions(Instant now);

    /** Mail waiting to be sent, retries included. */
    Mono<Long> pendingMail();
}
