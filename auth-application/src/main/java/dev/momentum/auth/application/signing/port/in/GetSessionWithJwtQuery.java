package dev.momentum.auth.application.signing.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Mono;

/** get-session as better-auth's jwt plugin answers it: the session and, beside it, its JWT. */
public interface GetSessionWithJwtQuery {

    /**
     * The session of the token with its JWT, or empty when there is none; slides the session as
     * get-session does when {@code mayRefresh}.
     */
    Mono<SessionWithJwtResult> getSessionWithJwt(BearerToken sessionToken, boolean mayRefresh);
}
