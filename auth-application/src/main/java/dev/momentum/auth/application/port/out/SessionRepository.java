package dev.momentum.auth.application.port.out;

import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.User;
import reactor.core.publisher.Mono;

public interface SessionRepository {

    Mono<Void> add(Session session);

    /** The session with this token hash and its user, read together in one round trip. */
    Mono<SessionOfUser> findByTokenHash(TokenHash tokenHash);

    Mono<Void> deleteByTokenHash(TokenHash tokenHash);

    record SessionOfUser(Session session, User user) {
    }
}
