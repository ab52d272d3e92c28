package dev.momentum.auth.application.session.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Mono;

public interface ListSessionsQuery {

    /** The caller's live sessions; the calling session must be fresh (signed in within a day). */
    Mono<SessionListResult> listSessions(BearerToken token);
}
