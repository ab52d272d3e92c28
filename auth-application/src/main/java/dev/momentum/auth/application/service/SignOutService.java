package dev.momentum.auth.application.service;

import dev.momentum.auth.application.port.in.SignOutUseCase;
import dev.momentum.auth.application.port.out.SessionRepository;
import dev.momentum.auth.domain.token.TokenHash;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class SignOutService implements SignOutUseCase {

    private final SessionRepository sessions;

    public SignOutService(SessionRepository sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
    }

    @Override
    public Mono<Void> signOut(String token) {
        return sessions.deleteByTokenHash(TokenHash.of(token));
    }
}
