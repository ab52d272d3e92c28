package dev.momentum.auth.application.session.port.in;

import reactor.core.publisher.Mono;

/** Ends one session of the caller's own user; needs the caller's live session. */
public interface RevokeSessionUseCase {

    /**
     * A handle of another user's session, or an unknown one, changes nothing and is not an error.
     * Emits true when the caller ended its own session.
     */
    Mono<Boolean> revokeSession(RevokeSessionCommand command);
}
