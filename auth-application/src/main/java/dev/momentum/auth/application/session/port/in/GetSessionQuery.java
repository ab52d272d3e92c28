package dev.momentum.auth.application.session.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Mono;

public interface GetSessionQuery {

    /** The live session named by this token, or empty when there is none (unknown or expired). */
    default Mono<SessionResult> getSession(BearerToken token) {
        return getSession(token, false);
    }

    /**
     * The same, sliding the session's expiry forward when {@code mayRefresh} and it was last
     * extended at least a day ago (better-auth's updateAge).
     */
    Mono<SessionResult> getSession(BearerToken token, boolean mayRefresh);
}
