package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.mail.port.out.AccountMail;
import dev.momentum.auth.application.mail.port.out.AccountMailer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** Accepts mail, or fails it the way {@link #failure} says (null: accept). */
public final class RecordingMailer implements AccountMailer {

    public record Sent(AccountMail mail, String idempotencyKey) {
    }

    public final List<Sent> sent = new CopyOnWriteArrayList<>();
    public final List<String> attempts = new CopyOnWriteArrayList<>();
    public volatile Function<AccountMail, RuntimeException> failure;

    @Override
    public Mono<Void> send(AccountMail mail, String idempotencyKey) {
        return Mono.defer(() -> {
            attempts.add(idempotencyKey);
            RuntimeException problem = failure == null ? null : failure.apply(mail);
            if (problem != null) {
                return Mono.error(problem);
            }
            sent.add(new Sent(mail, idempotencyKey));
            return Mono.empty();
        });
    }
}
