package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.domain.credential.LinkedAccount;
import dev.momentum.auth.domain.credential.PasswordCredential;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.user.UserProfile;
import java.time.Instant;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Users and their password credential (an {@code accounts} row with provider "credential",
 * better-auth's model, so social logins can be added as further accounts later).
 */
public final class UserPersistenceAdapter implements UserStore {

    static final String CREDENTIAL_PROVIDER = "credential";

    private final StorageGuard storage;
    private final SecureTokenGenerator ids;

    UserPersistenceAdapter(StorageGuard storage, SecureTokenGenerator ids) {
        this.storage = storage;
        this.ids = ids;
    }

    @Override
    public Mono<Boolean> addIfEmailFree(User user, PasswordHash passwordHash) {
        // ON CONFLICT DO NOTHING: a racing sign-up with the same address waits on the unique
        // index and then inserts nothing, so exactly one of them gets the user
        Mono<Long> insertUser = storage.client().sql("""
                        INSERT INTO users (id, name, email, email_verified, image, created_at, updated_at)
                        VALUES (:id, :name, :email, :verified, :image, :createdAt, :updatedAt)
                        ON CONFLICT DO NOTHING""")
                .bind("id", user.id().value())
                .bind("name", user.name())
                .bind("email", user.email().value())
                .bind("verified", user.emailVerified())
                .bind("image", Parameter.fromOrEmpty(user.image(), String.class))
                .bind("createdAt", Timestamps.of(user.createdAt()))
                .bind("updatedAt", Timestamps.of(user.updatedAt()))
                .fetch().rowsUpdated();
        Mono<Long> insertCredential = storage.client().sql("""
                        INSERT INTO accounts (id, user_id, provider_id, account_id, password_hash, created_at, updated_at)
                        VALUES (:id, :userId, :provider, :accountId, :hash, :createdAt, :updatedAt)""")
                .bind("id", ids.newId())
                .bind("userId", user.id().value())
                .bind("provider", CREDENTIAL_PROVIDER)
                .bind("accountId", user.id().value())
                .bind("hash", passwordHash.encoded())
                .bind("createdAt", Timestamps.of(user.createdAt()))
                .bind("updatedAt", Timestamps.of(user.updatedAt()))
                .fetch().rowsUpdated();
        return storage.guard(insertUser.flatMap(inserted -> inserted == 1
                ? insertCredential.thenReturn(true)
                : Mono.just(false)));
    }

    @Override
    public Mono<User> findByEmail(EmailAddress email) {
        return storage.guard(storage.client().sql("SELECT " + UserRows.COLUMNS + " FROM users u WHERE u.email = :email")
                .bind("email", email.value())
                .map(UserRows::read)
                .one());
    }

    @Override
    public Mono<User> findById(UserId id) {
        return storage.guard(storage.client().sql("SELECT " + UserRows.COLUMNS + " FROM users u WHERE u.id = :id")
                .bind("id", id.value())
                .map(UserRows::read)
                .one());
    }

    @Override
    public Mono<PasswordCredential> findCredentialByEmail(EmailAddress email) {
        return findCredentialWhere("u.email = :key", email.value());
    }

    @Override
    public Mono<PasswordCredential> findCredentialById(UserId id) {
        return findCredentialWhere("u.id = :key", id.value());
    }

    private Mono<PasswordCredential> findCredentialWhere(String condition, String key) {
        return storage.guard(storage.client().sql("SELECT " + UserRows.COLUMNS + """
                        , a.password_hash
                        FROM users u JOIN accounts a ON a.user_id = u.id AND a.provider_id = :provider
                        WHERE a.password_hash IS NOT NULL AND """ + " " + condition)
                .bind("provider", CREDENTIAL_PROVIDER)
                .bind("key", key)
                .map(row -> new PasswordCredential(UserRows.read(row),
                        new PasswordHash(row.get("password_hash", String.class))))
                .one());
    }

    @Override
    public Mono<Void> markEmailVerified(UserId id, Instant now) {
        return storage.guard(storage.client().sql(
                        "UPDATE users SET email_verified = TRUE, updated_at = :now WHERE id = :id AND NOT email_verified")
                .bind("now", Timestamps.of(now))
                .bind("id", id.value())
                .then());
    }

    @Override
    public Flux<LinkedAccount> findAccounts(UserId id) {
        return storage.guardMany(storage.client().sql("""
                        SELECT id, user_id, provider_id, account_id, created_at, updated_at FROM accounts
                        WHERE user_id = :userId ORDER BY created_at, id""")
                .bind("userId", id.value())
                .map(row -> new LinkedAccount(row.get("id", String.class), new UserId(row.get("user_id", String.class)),
                        row.get("provider_id", String.class), row.get("account_id", String.class),
                        Timestamps.read(row, "created_at"), Timestamps.read(row, "updated_at")))
                .all());
    }

    @Override
    public Mono<Void> updateProfile(UserId id, UserProfile profile, Instant now) {
        return storage.guard(storage.client().sql(
                        "UPDATE users SET name = :name, image = :image, updated_at = :now WHERE id = :id")
                .bind("name", profile.name())
                .bind("image", Parameter.fromOrEmpty(profile.image(), String.class))
                .bind("now", Timestamps.of(now))
                .bind("id", id.value())
                .then());
    }

    @Override
    public Mono<Void> replacePasswordHash(UserId id, PasswordHash passwordHash, Instant now) {
        return storage.guard(storage.client().sql("""
                        UPDATE accounts SET password_hash = :hash, updated_at = :now
                        WHERE user_id = :id AND provider_id = :provider""")
                .bind("hash", passwordHash.encoded())
                .bind("now", Timestamps.of(now))
                .bind("id", id.value())
                .bind("provider", CREDENTIAL_PROVIDER)
                .then());
    }

    @Override
    public Mono<Boolean> changeEmailIfFree(UserId id, EmailAddress email, Instant now) {
        // NOT EXISTS answers the usual case; the unique index decides a race between two users
        return storage.guard(storage.client().sql("""
                        UPDATE users SET email = :email, email_verified = TRUE, updated_at = :now
                        WHERE id = :id AND NOT EXISTS (SELECT 1 FROM users other WHERE other.email = :email)""")
                .bind("email", email.value())
                .bind("now", Timestamps.of(now))
                .bind("id", id.value())
                .fetch().rowsUpdated()
                .map(updated -> updated == 1)
                .onErrorResume(DataIntegrityViolationException.class, taken -> Mono.just(false)));
    }

    @Override
    public Mono<Void> delete(UserId id) {
        // accounts, sessions, verification tokens and waiting mail go with it: ON DELETE CASCADE
        return storage.guard(storage.client()
                .sql("DELETE FROM users WHERE id = :id")
                .bind("id", id.value())
                .then());
    }
}
