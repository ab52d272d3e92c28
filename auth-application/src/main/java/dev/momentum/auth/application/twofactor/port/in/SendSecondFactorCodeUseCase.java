package dev.momentum.auth.application.twofactor.port.in;

import reactor.core.publisher.Mono;

public interface SendSecondFactorCodeUseCase {

    /** Mails a one-time code; INVALID_TWO_FACTOR_COOKIE without a session or an open challenge. */
    Mono<Void> send(SendSecondFactorCodeCommand command);
}
