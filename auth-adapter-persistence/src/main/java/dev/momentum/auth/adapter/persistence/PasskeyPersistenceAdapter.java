package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.passkey.port.out.PasskeyChallenges;
import dev.momentum.auth.application.passkey.port.out.Passkeys;
import dev.momentum.auth.domain.passkey.Passkey;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Optional;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code passkeys} table (as the import fills it) and the ceremonies' challenges. */
final class PasskeyPersistenceAdapter implements Passkeys, PasskeyChallenges {

    private static final String COLUMNS = """
            id, user_id, name, credential_id, public_key, counter, device_type, backed_up, transports, aaguid, created_at""";

    private final StorageGuard storage;

    PasskeyPersistenceAdapter(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Mono<Boolean> add(Passkey passkey) {
        return storage.guard(storage.client().sql("INSERT INTO passkeys (" + COLUMNS + """
                        ) VALUES (:id, :userId, :name, :credentialId, :publicKey, :counter, :deviceType, :backedUp,
                          :transports, :aaguid, :createdAt)
                        ON CONFLICT DO NOTHING""")
                .bind("id", passkey.id())
                .bind("userId", passkey.userId().value())
                .bind("name", Parameter.fromOrEmpty(passkey.name(), String.class))
                .bind("credentialId", passkey.credentialId())
                .bind("publicKey", passkey.publicKey())
                .bind("counter", passkey.counter())
                .bind("deviceType", passkey.deviceType())
                .bind("backedUp", passkey.backedUp())
                .bind("transports", Parameter.fromOrEmpty(passkey.transports(), String.class))
                .bind("aaguid", Parameter.fromOrEmpty(passkey.aaguid(), String.class))
                .bind("createdAt", Timestamps.of(passkey.createdAt()))
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1));
    }

    @Override
    public Mono<Passkey> findByCredentialId(String credentialId) {
        return storage.guard(storage.client().sql("SELECT " + COLUMNS + " FROM passkeys WHERE credential_id = :credentialId")
                .bind("credentialId", credentialId)
                .map(PasskeyPersistenceAdapter::read)
                .one());
    }

    @Override
    public Flux<Passkey> listOf(UserId user) {
        return storage.guardMany(storage.client().sql("SELECT " + COLUMNS
                        + " FROM passkeys WHERE user_id = :userId ORDER BY created_at, id")
                .bind("userId", user.value())
                .map(PasskeyPersistenceAdapter::read)
                .all());
    }

    @Override
    public Mono<Boolean> advanceCounter(String id, long expected, long counter) {
        return storage.guard(storage.client().sql(
                        "UPDATE passkeys SET counter = :counter WHERE id = :id AND counter = :expected")
                .bind("counter", counter)
                .bind("id", id)
                .bind("expected", expected)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1));
    }

    @Override
    public Mono<Passkey> rename(UserId user, String id, String name) {
        return storage.guard(storage.client().sql("UPDATE passkeys SET name = :name WHERE id = :id AND user_id = :userId")
                        .bind("name", name)
                        .bind("id", id)
                        .bind("userId", user.value())
                        .fetch().rowsUpdated())
                .filter(updated -> updated == 1)
                .flatMap(updated -> storage.guard(storage.client().sql("SELECT " + COLUMNS + " FROM passkeys WHERE id = :id")
                        .bind("id", id)
                        .map(PasskeyPersistenceAdapter::read)
                        .one()));
    }

    @Override
    public Mono<Boolean> delete(UserId user, String id) {
        return storage.guard(storage.client().sql("DELETE FROM passkeys WHERE id = :id AND user_id = :userId")
                .bind("id", id)
                .bind("userId", user.value())
                .fetch().rowsUpdated()
                .map(deleted -> deleted == 1));
    }

    @Override
    public Mono<Void> open(TokenHash challenge, Ceremony ceremony, Optional<UserId> user, Instant expiresAt) {
        return storage.guard(storage.client().sql("""
                        INSERT INTO passkey_challenges (challenge_hash, ceremony, user_id, expires_at)
                        VALUES (:hash, :ceremony, :userId, :expiresAt)""")
                .bind("hash", challenge.hex())
                .bind("ceremony", ceremony.name())
                .bind("userId", Parameter.fromOrEmpty(user.map(UserId::value).orElse(null), String.class))
                .bind("expiresAt", Timestamps.of(expiresAt))
                .then());
    }

    /** Read, then deleted by a statement that only one of racing callers sees succeed. */
    @Override
    public Mono<Opened> consume(TokenHash challenge, Ceremony ceremony, Instant now) {
        Mono<Opened> open = storage.client().sql("""
                        SELECT user_id FROM passkey_challenges
                        WHERE challenge_hash = :hash AND ceremony = :ceremony AND expires_at > :now""")
                .bind("hash", challenge.hex())
                .bind("ceremony", ceremony.name())
                .bind("now", Timestamps.of(now))
                .map(row -> new Opened(Optional.ofNullable(row.get("user_id", String.class)).map(UserId::new)))
                .one();
        Mono<Long> spent = storage.client().sql("DELETE FROM passkey_challenges WHERE challenge_hash = :hash")
                .bind("hash", challenge.hex())
                .fetch().rowsUpdated();
        return storage.guard(open.flatMap(opened -> spent.filter(deleted -> deleted == 1).map(deleted -> opened)));
    }

    private static Passkey read(Readable row) {
        return new Passkey(row.get("id", String.class), new UserId(row.get("user_id", String.class)),
                row.get("name", String.class), row.get("credential_id", String.class), row.get("public_key", String.class),
                row.get("counter", Long.class), row.get("device_type", String.class),
                Boolean.TRUE.equals(row.get("backed_up", Boolean.class)), row.get("transports", String.class),
                row.get("aaguid", String.class), Timestamps.read(row, "created_at"));
    }
}
