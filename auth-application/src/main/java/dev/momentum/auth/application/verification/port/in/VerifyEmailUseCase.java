package dev.momentum.auth.application.verification.port.in;

import reactor.core.publisher.Mono;

public interface VerifyEmailUseCase {

    Mono<VerifyEmailResult> verify(VerifyEmailCommand command);
}
