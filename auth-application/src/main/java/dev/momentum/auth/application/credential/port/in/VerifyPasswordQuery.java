package dev.momentum.auth.application.credential.port.in;

import reactor.core.publisher.Mono;

public interface VerifyPasswordQuery {

    /** Completes when the password is the caller's; INVALID_PASSWORD otherwise. */
    Mono<Void> verifyPassword(String sessionToken, String password);
}
