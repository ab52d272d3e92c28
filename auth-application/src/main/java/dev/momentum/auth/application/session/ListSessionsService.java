package dev.momentum.auth.application.session;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.ListSessionsQuery;
import dev.momentum.auth.application.session.port.in.SessionListResult;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.domain.session.SessionLifetime;
import dev.momentum.auth.domain.token.BearerToken;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class ListSessionsService implements ListSessionsQuery {

    private final CurrentSession currentSession;
    private final SessionRepository sessions;
    private final SessionLifetime lifetime;
    private final Clock clock;

    public ListSessionsService(GetSessionQuery getSession, SessionRepository sessions, SessionLifetime lifetime,
                               Clock clock) {
        this.currentSession = new CurrentSession(getSession);
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<SessionListResult> listSessions(BearerToken token) {
        return currentSession.require(token).flatMap(current -> {
            if (!current.session().isFreshAt(clock.instant(), lifetime)) {
                return Mono.error(new AuthException(AuthError.SESSION_NOT_FRESH));
            }
            return sessions.findLiveOfUser(current.user().id(), clock.instant()).collectList()
                    .map(all -> new SessionListResult(current, all));
        });
    }
}
