package dev.momentum.auth.application.port.in;

import reactor.core.publisher.Mono;

public interface SignInUseCase {

    Mono<SessionResult> signIn(SignInCommand command);
}
