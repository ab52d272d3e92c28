package dev.momentum.auth.application.credential.port.in;

import reactor.core.publisher.Mono;

public interface RequestPasswordResetUseCase {

    /** Mails a reset link to the address if it has an account; the same answer, after the same time, either way. */
    Mono<Void> requestPasswordReset(RequestPasswordResetCommand command);
}
