package dev.momentum.auth.application.session;

import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.session.port.in.SignOutUseCase;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.token.TokenHash;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class SignOutService implements SignOutUseCase {

    private final SessionRepository sessions;
    private final SecurityEvents events;

    public SignOutService(SessionRepository sessions, SecurityEvents events) {
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    @Override
    public Mono<Void> signOut(BearerToken token) {
        TokenHash hash = token.hash();
        return sessions.findByTokenHash(hash)
                .flatMap(found -> sessions.deleteByTokenHash(hash)
                        .then(events.succeeded(SecurityEventType.SIGN_OUT, Subject.of(found.user()), null)));
    }
}
