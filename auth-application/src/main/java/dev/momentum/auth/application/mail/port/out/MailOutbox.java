package dev.momentum.auth.application.mail.port.out;

import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Mail waiting to be sent, kept in the database. A mail is enqueued in the transaction of the
 * change that causes it, so it exists exactly when that change does; deleting the user deletes
 * their waiting mail.
 */
public interface MailOutbox {

    Mono<Void> enqueue(AccountMail mail, UserId recipient, Instant now);

    /**
     * Takes up to {@code limit} mails that are due, for this caller alone until {@code leaseUntil}:
     * with several instances polling, each mail is handed to one of them. A caller that dies
     * holding a mail loses it to the next poll after the lease.
     */
    Flux<QueuedMail> claimDue(Instant now, Instant leaseUntil, int limit);

    Mono<Void> markDelivered(String id, Instant now);

    Mono<Void> retryAt(String id, Instant nextAttempt, String error);

    Mono<Void> markFailed(String id, Instant now, String error);

    /** @param attempts how many times the mail has been claimed, this time included */
    record QueuedMail(String id, AccountMail mail, int attempts, Instant createdAt) {
    }
}
