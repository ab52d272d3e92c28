package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Mono;

public interface VerifyPasswordQuery {

    /** Completes when the password is the caller's; INVALID_PASSWORD otherwise. */
    Mono<Void> verifyPassword(BearerToken sessionToken, String password);
}
