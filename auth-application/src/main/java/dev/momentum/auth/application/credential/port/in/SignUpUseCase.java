package dev.momentum.auth.application.credential.port.in;

import reactor.core.publisher.Mono;

public interface SignUpUseCase {

    /**
     * Registers a user and mails a verification link. An address that is already taken gets the
     * same answer as a new one (a user that is not stored), so sign-up reveals no accounts.
     */
    Mono<SignUpResult> signUp(SignUpCommand command);
}
