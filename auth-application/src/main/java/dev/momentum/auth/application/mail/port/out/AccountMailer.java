package dev.momentum.auth.application.mail.port.out;

import reactor.core.publisher.Mono;

public interface AccountMailer {

    /**
     * Completes when the provider has accepted the mail; errors when it has not, with
     * {@link MailRejectedException} when sending it again cannot succeed. Every attempt to send
     * one mail carries the same idempotency key, so a provider that knows it sends the mail once.
     */
    Mono<Void> send(AccountMail mail, String idempotencyKey);
}
