package dev.momentum.auth.application.verification.port.in;

import reactor.core.publisher.Mono;

public interface SendVerificationEmailUseCase {

    /**
     * Mails a fresh verification link. Without a session the answer is the same, after the same
     * time, whether or not the address belongs to an unverified user.
     */
    Mono<Void> send(SendVerificationEmailCommand command);
}
