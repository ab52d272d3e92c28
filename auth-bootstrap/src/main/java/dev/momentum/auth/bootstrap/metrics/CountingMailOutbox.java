package dev.momentum.auth.bootstrap.metrics;

import dev.momentum.auth.application.mail.port.out.AccountMail;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.domain.user.UserId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Counts what becomes of each delivery attempt into {@code auth_mail_deliveries_total{outcome}}:
 * sent, failed and to be retried, or given up. Counted once the outbox has recorded it.
 */
final class CountingMailOutbox implements MailOutbox {

    private final MailOutbox outbox;
    private final Counter sent;
    private final Counter retried;
    private final Counter givenUp;

    CountingMailOutbox(MailOutbox outbox, MeterRegistry registry) {
        this.outbox = outbox;
        this.sent = counter(registry, "sent");
        this.retried = counter(registry, "retry");
        this.givenUp = counter(registry, "given_up");
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("auth.mail.deliveries")
                .description("Mail delivery attempts by outcome: sent, failed and retried later, given up")
                .tag("outcome", outcome)
                .register(registry);
    }

    @Override
    public Mono<Void> enqueue(AccountMail mail, UserId recipient, Instant now) {
        return outbox.enqueue(mail, recipient, now);
    }

    @Override
    public Flux<QueuedMail> claimDue(Instant now, Instant leaseUntil, int limit) {
        return outbox.claimDue(now, leaseUntil, limit);
    }

    @Override
    public Mono<Void> markDelivered(String id, Instant now) {
        return outbox.markDelivered(id, now).doOnSuccess(done -> sent.increment());
    }

    @Override
    public Mono<Void> retryAt(String id, Instant nextAttempt, String error) {
        return outbox.retryAt(id, nextAttempt, error).doOnSuccess(done -> retried.increment());
    }

    @Override
    public Mono<Void> markFailed(String id, Instant now, String error) {
        return outbox.markFailed(id, now, error).doOnSuccess(done -> givenUp.increment());
    }
}
