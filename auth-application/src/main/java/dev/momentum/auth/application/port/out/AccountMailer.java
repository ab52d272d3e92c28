package dev.momentum.auth.application.port.out;

import reactor.core.publisher.Mono;

public interface AccountMailer {

    /** Completes when the provider has accepted the mail; errors when it has not. */
    Mono<Void> send(AccountMail mail);
}
