package dev.momentum.auth.application.session.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Mono;

public interface SignOutUseCase {

    /** Ends the session named by this token; completes quietly when there is none. */
    Mono<Void> signOut(BearerToken token);
}
