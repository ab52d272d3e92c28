package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public final class SessionPersistenceAdapter implements SessionRepository {

    /** The columns of {@code sessions s}, aliased so that they can be read beside {@link UserRows#COLUMNS}. */
    private static final String SESSION_COLUMNS = """
            s.id AS session_id, s.user_id AS session_user_id, s.token_hash, s.created_at AS session_created_at,
            s.updated_at AS session_updated_at, s.expires_at, s.ip_address, s.user_agent""";

    private final StorageGuard storage;

    SessionPersistenceAdapter(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Mono<Void> add(Session session) {
        return storage.guard(storage.client().sql("""
                        INSERT INTO sessions (id, token_hash, user_id, created_at, updated_at, expires_at, ip_address, user_agent)
                        VALUES (:id, :tokenHash, :userId, :createdAt, :updatedAt, :expiresAt, :ip, :userAgent)""")
                .bind("id", session.id().value())
                .bind("tokenHash", session.tokenHash().hex())
                .bind("userId", session.userId().value())
                .bind("createdAt", Timestamps.of(session.createdAt()))
                .bind("updatedAt", Timestamps.of(session.updatedAt()))
                .bind("expiresAt", Timestamps.of(session.expiresAt()))
                .bind("ip", Parameter.fromOrEmpty(session.ipAddress(), String.class))
                .bind("userAgent", Parameter.fromOrEmpty(session.userAgent(), String.class))
                .then());
    }

    @Override
    public Mono<Void> extend(Session session) {
        return storage.guard(storage.client().sql(
                        "UPDATE sessions SET expires_at = :expiresAt, updated_at = :updatedAt WHERE id = :id")
                .bind("expiresAt", Timestamps.of(session.expiresAt()))
                .bind("updatedAt", Timestamps.of(session.updatedAt()))
                .bind("id", session.id().value())
                .then());
    }

    @Override
    public Flux<Session> findLiveOfUser(UserId userId, Instant now) {
        return storage.guardMany(storage.client().sql("SELECT " + SESSION_COLUMNS + " " + """
                        FROM sessions s WHERE s.user_id = :userId AND s.expires_at > :now AND s.expires_at > s.created_at
                        ORDER BY s.created_at, s.id""")
                .bind("userId", userId.value())
                .bind("now", Timestamps.of(now))
                .map(SessionPersistenceAdapter::readSession)
                .all());
    }

    @Override
    public Mono<Boolean> holdIfPresent(SessionId id) {
        return storage.guard(storage.client().sql("SELECT id FROM sessions WHERE id = :id FOR UPDATE")
                .bind("id", id.value())
                .map(row -> true)
                .one()
                .defaultIfEmpty(false));
    }

    @Override
    public Mono<Void> deleteOfUser(UserId userId, SessionId id, TokenHash tokenHash) {
        return storage.guard(storage.client().sql(
                        "DELETE FROM sessions WHERE user_id = :userId AND (id = :id OR token_hash = :tokenHash)")
                .bind("userId", userId.value())
                .bind("id", id.value())
                .bind("tokenHash", tokenHash.hex())
                .then());
    }

    @Override
    public Mono<Void> deleteAllOfUser(UserId userId, SessionId keep) {
        return storage.guard(storage.client()
                .sql("DELETE FROM sessions WHERE user_id = :userId AND id <> :keep")
                .bind("userId", userId.value())
                .bind("keep", keep == null ? "" : keep.value())
                .then());
    }

    @Override
    public Mono<SessionOfUser> findByTokenHash(TokenHash tokenHash) {
        return storage.guard(storage.client().sql("SELECT " + UserRows.COLUMNS + ", " + SESSION_COLUMNS + " " + """
                        FROM sessions s JOIN users u ON u.id = s.user_id
                        WHERE s.token_hash = :tokenHash AND s.expires_at > s.created_at""")
                .bind("tokenHash", tokenHash.hex())
                .map(row -> new SessionOfUser(readSession(row), UserRows.read(row)))
                .one());
    }

    private static Session readSession(Readable row) {
        return new Session(new SessionId(row.get("session_id", String.class)),
                new UserId(row.get("session_user_id", String.class)),
                new TokenHash(row.get("token_hash", String.class)), Timestamps.read(row, "session_created_at"),
                Timestamps.read(row, "session_updated_at"), Timestamps.read(row, "expires_at"),
                row.get("ip_address", String.class), row.get("user_agent", String.class));
    }

    @Override
    public Mono<Void> deleteByTokenHash(TokenHash tokenHash) {
        return storage.guard(storage.client()
                .sql("DELETE FROM sessions WHERE token_hash = :tokenHash")
                .bind("tokenHash", tokenHash.hex())
                .then());
    }
}
