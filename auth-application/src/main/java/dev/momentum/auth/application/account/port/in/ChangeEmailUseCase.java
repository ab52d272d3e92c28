package dev.momentum.auth.application.account.port.in;

import reactor.core.publisher.Mono;

public interface ChangeEmailUseCase {

    /**
     * Mails a link to the new address; the address becomes the account's only when the link is
     * followed. Completes the same way whether or not another account has the address.
     */
    Mono<Void> changeEmail(ChangeEmailCommand command);
}
