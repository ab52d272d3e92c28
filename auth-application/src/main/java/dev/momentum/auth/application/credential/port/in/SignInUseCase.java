package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.application.session.port.in.SessionResult;
import reactor.core.publisher.Mono;

public interface SignInUseCase {

    Mono<SessionResult> signIn(SignInCommand command);
}
