package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class InMemorySessions implements SessionRepository {

    public final Map<TokenHash, Session> sessions = new ConcurrentHashMap<>();
    private final InMemoryUsers users;

    public InMemorySessions(InMemoryUsers users) {
        this.users = users;
    }

    @Override
    public Mono<Void> add(Session session) {
        return Mono.fromRunnable(() -> sessions.put(session.tokenHash(), session));
    }

    @Override
    public Mono<SessionOfUser> findByTokenHash(TokenHash tokenHash) {
        return Mono.justOrEmpty(sessions.get(tokenHash))
                .flatMap(session -> users.findById(session.userId()).map(user -> new SessionOfUser(session, user)));
    }

    @Override
    public Mono<Void> deleteByTokenHash(TokenHash tokenHash) {
        return Mono.fromRunnable(() -> sessions.remove(tokenHash));
    }

    @Override
    public Mono<Void> extend(Session session) {
        return Mono.fromRunnable(() -> sessions.put(session.tokenHash(), session));
    }

    @Override
    public Flux<Session> findLiveOfUser(UserId userId, Instant now) {
        return Flux.fromIterable(sessions.values())
                .filter(session -> session.userId().equals(userId) && !session.isExpiredAt(now))
                .sort(java.util.Comparator.comparing(Session::createdAt));
    }

    @Override
    public Mono<Boolean> holdIfPresent(SessionId id) {
        return Mono.fromSupplier(() -> sessions.values().stream().anyMatch(session -> session.id().equals(id)));
    }

    @Override
    public Mono<Void> deleteOfUser(UserId userId, SessionId id, TokenHash tokenHash) {
        return Mono.fromRunnable(() -> sessions.values().removeIf(session -> session.userId().equals(userId)
                && (session.id().equals(id) || session.tokenHash().equals(tokenHash))));
    }

    @Override
    public Mono<Void> deleteAllOfUser(UserId userId, SessionId keep) {
        return Mono.fromRunnable(() -> sessions.values().removeIf(session -> session.userId().equals(userId)
                && !session.id().equals(keep)));
    }
}
