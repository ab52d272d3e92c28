package dev.momentum.auth.application.session;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.RevokeSessionCommand;
import dev.momentum.auth.application.session.port.in.RevokeSessionUseCase;
import dev.momentum.auth.application.session.port.in.RevokeSessionsCommand;
import dev.momentum.auth.application.session.port.in.RevokeSessionsUseCase;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.token.TokenHash;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class RevokeSessionsService implements RevokeSessionUseCase, RevokeSessionsUseCase {

    private final CurrentSession currentSession;
    private final SecurityEvents events;
    private final SessionRepository sessions;

    public RevokeSessionsService(GetSessionQuery getSession, SessionRepository sessions, SecurityEvents events) {
        this.currentSession = new CurrentSession(getSession);
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    @Override
    public Mono<Boolean> revokeSession(RevokeSessionCommand command) {
        String sessionTokenOrHandle = command.target();
        return currentSession.require(command.callerToken()).flatMap(current -> {
            boolean own = sessionTokenOrHandle.equals(current.token().value())
                    || sessionTokenOrHandle.equals(current.session().id().value());
            return sessions.deleteOfUser(current.user().id(), new SessionId(sessionTokenOrHandle),
                            TokenHash.of(sessionTokenOrHandle))
                    .then(revoked(current, own ? "this session" : "one session"))
                    .thenReturn(own);
        });
    }

    @Override
    public Mono<Void> revokeSessions(RevokeSessionsCommand command) {
        return currentSession.require(command.callerToken()).flatMap(current -> switch (command.which()) {
            case ALL -> sessions.deleteAllOfUser(current.user().id(), null).then(revoked(current, "all sessions"));
            case OTHERS -> sessions.deleteAllOfUser(current.user().id(), current.session().id())
                    .then(revoked(current, "other sessions"));
        });
    }

    private Mono<Void> revoked(SessionResult current, String which) {
        return events.succeeded(SecurityEventType.SESSION_REVOCATION, Subject.of(current.user()), which);
    }
}
