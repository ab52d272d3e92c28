package dev.momentum.auth.application.session;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.session.SessionLifetime;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.User;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Starts sessions: a fresh random token, of which only the hash is stored. */
public final class SessionIssuer {

    private final SessionRepository sessions;
    private final SecureTokenGenerator tokens;
    private final SessionLifetime lifetime;
    private final Clock clock;

    public SessionIssuer(SessionRepository sessions, SecureTokenGenerator tokens, SessionLifetime lifetime,
                         Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    public Mono<SessionResult> start(User user, boolean rememberMe, ClientInfo client) {
        if (user.disabled()) {
            return Mono.error(new AuthException(AuthError.BANNED_USER));
        }
        return Mono.defer(() -> {
            String token = tokens.newToken();
            Session session = Session.start(new SessionId(tokens.newId()), user.id(), TokenHash.of(token), lifetime,
                    rememberMe, client, Instants.now(clock));
            return sessions.add(session).thenReturn(new SessionResult(new BearerToken(token), session, user));
        });
    }
}
