package dev.momentum.auth.application.session;

import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.user.SecondFactorRequirement;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionLifetime;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.token.TokenHash;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class GetSessionService implements GetSessionQuery {

    private final SessionRepository sessions;
    private final SessionLifetime lifetime;
    private final SecondFactorRequirement requirement;
    private final Clock clock;

    public GetSessionService(SessionRepository sessions, SessionLifetime lifetime, SecondFactorRequirement requirement,
                             Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime cannot be null");
        this.requirement = Objects.requireNonNull(requirement, "requirement cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<SessionResult> getSession(BearerToken token, boolean mayRefresh) {
        TokenHash hash = token.hash();
        return sessions.findByTokenHash(hash).flatMap(found -> {
            Instant now = Instants.now(clock);
            Session session = found.session();
            if (session.isExpiredAt(now)) {
                return sessions.deleteByTokenHash(hash).then(Mono.<SessionResult>empty());
            }
            // disabling deletes the sessions; one a sign-in made in the same moment is refused here
            if (found.user().disabled()) {
                return Mono.<SessionResult>empty();
            }
            boolean enrolmentOnly = requirement.unmetBy(found.user());
            if (mayRefresh && session.isDueForRefreshAt(now, lifetime)) {
                Session refreshed = session.refreshedAt(now, lifetime);
                return sessions.extend(refreshed)
                        .thenReturn(new SessionResult(token, refreshed, found.user(), true, enrolmentOnly));
            }
            return Mono.just(new SessionResult(token, session, found.user(), false, enrolmentOnly));
        });
    }
}
