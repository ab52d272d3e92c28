package dev.momentum.auth.application.service;

import dev.momentum.auth.application.port.in.GetSessionQuery;
import dev.momentum.auth.application.port.in.SessionResult;
import dev.momentum.auth.application.port.out.SessionRepository;
import dev.momentum.auth.domain.token.TokenHash;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class GetSessionService implements GetSessionQuery {

    private final SessionRepository sessions;
    private final Clock clock;

    public GetSessionService(SessionRepository sessions, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<SessionResult> getSession(String token) {
        TokenHash hash = TokenHash.of(token);
        return sessions.findByTokenHash(hash)
                .flatMap(found -> found.session().isExpiredAt(clock.instant())
                        ? sessions.deleteByTokenHash(hash).then(Mono.<SessionResult>empty())
                        : Mono.just(new SessionResult(token, found.session(), found.user())));
    }
}
