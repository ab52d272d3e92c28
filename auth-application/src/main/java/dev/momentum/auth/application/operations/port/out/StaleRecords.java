package dev.momentum.auth.application.operations.port.out;

import java.time.Instant;
import reactor.core.publisher.Mono;

/** What no request can use any more. */
public interface StaleRecords {

    /**
     * Deletes expired sessions, expired verification tokens, passkey challenges, OAuth grants (with their codes and
     * refresh tokens) and spent client assertions, ended rate-limit windows, and mail
     * delivered or given up before {@code finishedMailBefore}. Deletion is idempotent, so instances may purge at once.
     */
    Mono<Purged> purge(Instant now, Instant finishedMailBefore);

    record Purged(long sessions, long verificationTokens, long mails, long rateLimitWindows) {
    }
}
