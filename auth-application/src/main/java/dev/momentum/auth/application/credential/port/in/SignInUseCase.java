package dev.momentum.auth.application.credential.port.in;

import reactor.core.publisher.Mono;

public interface SignInUseCase {

    Mono<SignInResult> signIn(SignInCommand command);
}
