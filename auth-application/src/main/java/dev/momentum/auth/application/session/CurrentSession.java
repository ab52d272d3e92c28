package dev.momentum.auth.application.session;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.domain.token.BearerToken;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** The caller's live session, or UNAUTHORIZED: what every session-protected use case starts with. */
public final class CurrentSession {

    private final GetSessionQuery sessions;

    public CurrentSession(GetSessionQuery sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
    }

    /** The live session, refused with TWO_FACTOR_ENROLMENT_REQUIRED while it can only enrol a second factor. */
    public Mono<SessionResult> require(BearerToken token) {
        return requireToEnrol(token).flatMap(session -> session.enrolmentOnly()
                ? Mono.error(new AuthException(AuthError.TWO_FACTOR_ENROLMENT_REQUIRED))
                : Mono.just(session));
    }

    /** The live session, one that can only enrol a second factor included. */
    public Mono<SessionResult> requireToEnrol(BearerToken token) {
        if (token == null) {
            return Mono.error(new AuthException(AuthError.UNAUTHORIZED));
        }
        return sessions.getSession(token).switchIfEmpty(Mono.error(new AuthException(AuthError.UNAUTHORIZED)));
    }
}
