package dev.momentum.auth.application.port.in;

import reactor.core.publisher.Mono;

public interface VerifyEmailUseCase {

    Mono<VerifyEmailResult> verify(VerifyEmailCommand command);
}
