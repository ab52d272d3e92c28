package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Mono;

/** RP-Initiated Logout: a client sends the browser to end the user's session here. */
public interface EndSessionUseCase {

    /**
     * Ends the session when the request proves its client is the user's (an ID token of ours about
     * them), or the user confirmed; otherwise asks for confirmation. An unknown client or a
     * post-logout redirect URI the client did not register is refused, never followed.
     *
     * @param session the browser's session token; null without one
     * @param confirmed whether the user confirmed on our page
     */
    Mono<EndSessionResult> endSession(EndSessionCommand request, BearerToken session, boolean confirmed);
}
