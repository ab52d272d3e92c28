package dev.momentum.auth.application.twofactor.port.in;

import reactor.core.publisher.Mono;

public interface VerifySecondFactorUseCase {

    Mono<SecondStepResult> verify(VerifySecondFactorCommand command);
}
