package dev.momentum.auth.application.session.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Mono;

/** Ends sessions of the caller's own user; every method needs the caller's live session. */
public interface RevokeSessionsUseCase {

    /**
     * Ends one session, named by its token or by the handle list-sessions gave for it. A handle
     * of another user's session, or an unknown one, changes nothing and is not an error. Emits
     * true when the caller ended its own session.
     */
    Mono<Boolean> revokeSession(BearerToken callerToken, String sessionTokenOrHandle);

    /** Ends every session of the user, the caller's included. */
    Mono<Void> revokeAllSessions(BearerToken callerToken);

    /** Ends every session of the user but the caller's. */
    Mono<Void> revokeOtherSessions(BearerToken callerToken);
}
