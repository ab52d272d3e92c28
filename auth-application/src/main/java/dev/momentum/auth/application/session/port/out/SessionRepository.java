package dev.momentum.auth.application.session.port.out;

import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface SessionRepository {

    Mono<Void> add(Session session);

    /** The session with this token hash and its user, read together in one round trip. */
    Mono<SessionOfUser> findByTokenHash(TokenHash tokenHash);

    Mono<Void> deleteByTokenHash(TokenHash tokenHash);

    /** Stores the new expiry and update time of a session that slid forward. */
    Mono<Void> extend(Session session);

    /** The user's sessions that have not expired at {@code now}, oldest first. */
    Flux<Session> findLiveOfUser(UserId userId, Instant now);

    /**
     * Whether the session still exists, locking its row until the surrounding transaction ends: a
     * revocation that comes later waits for the transaction, and one that came first is seen.
     */
    Mono<Boolean> holdIfPresent(SessionId id);

    /** Deletes the user's session with this id or this token hash; another user's session is left alone. */
    Mono<Void> deleteOfUser(UserId userId, SessionId id, TokenHash tokenHash);

    /** Deletes the user's sessions, except the one with {@code keep} when given (nullable). */
    Mono<Void> deleteAllOfUser(UserId userId, SessionId keep);

    record SessionOfUser(Session session, User user) {
    }
}
