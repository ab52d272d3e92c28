package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.operations.port.out.StaleRecords;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deletes in batches, each its own short statement, so a purge after a long pause neither holds
 * locks for long nor runs into the query timeout.
 */
final class StaleRecordsPersistenceAdapter implements StaleRecords {

    static final int BATCH = 1000;

    private final StorageGuard storage;

    StaleRecordsPersistenceAdapter(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Mono<Purged> purge(Instant now, Instant finishedMailBefore) {
        Mono<Long> sessions = inBatches("sessions", "id", "expires_at <= :cutoff", now);
        Mono<Long> tokens = Flux.concat(inBatches("verification_tokens", "token_hash", "expires_at <= :cutoff", now),
                        inBatches("passkey_challenges", "challenge_hash", "expires_at <= :cutoff", now),
                        inBatches("oauth_grants", "id", "expires_at <= :cutoff", now),
                        inBatches("oauth_spent_assertions", "assertion_hash", "expires_at <= :cutoff", now))
                .reduce(0L, Long::sum);
        Mono<Long> mails = inBatches("mail_outbox", "id", "status <> 'PENDING' AND finished_at < :cutoff",
                finishedMailBefore);
        Mono<Long> rateLimits = inBatches("rate_limits", "bucket", "window_ends_at <= :cutoff", now);
        return Mono.zip(sessions, tokens, mails, rateLimits)
                .map(counts -> new Purged(counts.getT1(), counts.getT2(), counts.getT3(), counts.getT4()));
    }

    Mono<Long> inBatches(String table, String key, String condition, Instant cutoff) {
        Mono<Long> batch = Mono.defer(() -> storage.guard(storage.client().sql(
                        "DELETE FROM " + table + " WHERE " + key + " IN (SELECT " + key + " FROM " + table
                                + " WHERE " + condition + " LIMIT " + BATCH + ")")
                .bind("cutoff", Timestamps.of(cutoff))
                .fetch().rowsUpdated()));
        return batch.expand(deleted -> deleted == BATCH ? batch : Mono.empty()).reduce(0L, Long::sum);
    }
}
