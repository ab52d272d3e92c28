package dev.momentum.auth.application.mail;

import dev.momentum.auth.application.mail.port.out.AccountMailer;
import dev.momentum.auth.application.mail.port.out.MailOutbox.QueuedMail;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.application.mail.port.out.MailRejectedException;
import dev.momentum.auth.application.support.Instants;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Sends what the outbox holds, at least once: a mail is marked delivered only after the
 * provider accepted it, and every attempt carries the outbox id as idempotency key, so a repeat
 * after a crash between the two is dropped by the provider. Failed attempts are retried with
 * exponential backoff until the mail is given up; a rejected mail is given up at once.
 */
public final class MailDeliveryService {

    private static final System.Logger LOG = System.getLogger(MailDeliveryService.class.getName());

    private final MailOutbox outbox;
    private final AccountMailer mailer;
    private final MailDeliveryPolicy policy;
    private final Clock clock;

    public MailDeliveryService(MailOutbox outbox, AccountMailer mailer, MailDeliveryPolicy policy, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox, "outbox cannot be null");
        this.mailer = Objects.requireNonNull(mailer, "mailer cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    /** Claims and sends due mail, batch after batch, until none is due; emits how many were delivered. */
    public Mono<Long> deliverDue() {
        return deliverBatch()
                .expand(batch -> batch.claimed() == policy.batchSize() ? deliverBatch() : Mono.empty())
                .map(Batch::delivered)
                .reduce(0L, Long::sum);
    }

    private Mono<Batch> deliverBatch() {
        return Mono.defer(() -> {
            Instant now = Instants.now(clock);
            return outbox.claimDue(now, now.plus(policy.lease()), policy.batchSize())
                    .flatMap(this::deliver, policy.concurrency())
                    .reduce(new Batch(0, 0), (batch, delivered) -> batch.add(delivered));
        });
    }

    private Mono<Boolean> deliver(QueuedMail queued) {
        return mailer.send(queued.mail(), queued.id())
                .timeout(policy.sendTimeout())
                .thenReturn(true)
                .onErrorResume(error -> failed(queued, error))
                .flatMap(sent -> sent
                        ? outbox.markDelivered(queued.id(), Instants.now(clock)).thenReturn(true)
                        : Mono.just(false));
    }

    private Mono<Boolean> failed(QueuedMail queued, Throwable error) {
        Instant now = Instants.now(clock);
        String reason = error.getClass().getSimpleName() + ": " + error.getMessage();
        boolean expired = !now.isBefore(queued.createdAt().plus(policy.giveUpAfter()));
        if (error instanceof MailRejectedException || expired) {
            LOG.log(Level.ERROR, "Mail {0} given up after {1} attempt(s): {2}", queued.id(), queued.attempts(), reason);
            return outbox.markFailed(queued.id(), now, reason).thenReturn(false);
        }
        Instant next = now.plus(policy.retryDelay(queued.attempts()));
        LOG.log(Level.WARNING, "Mail {0} not sent (attempt {1}), retrying at {2}: {3}", queued.id(),
                queued.attempts(), next, reason);
        return outbox.retryAt(queued.id(), next, reason).thenReturn(false);
    }

    private record Batch(int claimed, long delivered) {

        Batch add(boolean sent) {
            return new Batch(claimed + 1, delivered + (sent ? 1 : 0));
        }
    }
}
