package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.twofactor.port.out.SignInChallenges;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Mono;

public final class VerificationTokenPersistenceAdapter implements VerificationTokenRepository, SignInChallenges {

    private final StorageGuard storage;

    VerificationTokenPersistenceAdapter(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Mono<Void> add(VerificationToken token) {
        return storage.guard(storage.client().sql("""
                        INSERT INTO verification_tokens (token_hash, purpose, user_id, created_at, expires_at, new_email)
                        VALUES (:tokenHash, :purpose, :userId, :createdAt, :expiresAt, :newEmail)""")
                .bind("tokenHash", token.hash().hex())
                .bind("purpose", token.purpose().name())
                .bind("userId", token.userId().value())
                .bind("createdAt", Timestamps.of(token.createdAt()))
                .bind("expiresAt", Timestamps.of(token.expiresAt()))
                .bind("newEmail", Parameter.fromOrEmpty(token.newEmail().map(EmailAddress::value).orElse(null),
                        String.class))
                .then());
    }

    @Override
    public Mono<Boolean> isRedeemable(TokenHash hash, VerificationPurpose purpose, Instant now) {
        return storage.guard(storage.client().sql("""
                        SELECT COUNT(*) AS n FROM verification_tokens
                        WHERE token_hash = :tokenHash AND purpose = :purpose
                          AND consumed_at IS NULL AND expires_at > :now""")
                .bind("tokenHash", hash.hex())
                .bind("purpose", purpose.name())
                .bind("now", Timestamps.of(now))
                .map(row -> row.get("n", Long.class) > 0)
                .one());
    }

    @Override
    public Mono<Redemption> redeem(TokenHash hash, Set<VerificationPurpose> purposes, Instant now) {
        List<String> purposeNames = purposes.stream().map(Enum::name).toList();
        // the conditional UPDATE is the atomic step: under concurrency exactly one caller sees a row updated
        Mono<Long> spend = storage.client().sql("""
                        UPDATE verification_tokens SET consumed_at = :now
                        WHERE token_hash = :tokenHash AND purpose IN (:purposes)
                          AND consumed_at IS NULL AND expires_at > :now""")
                .bind("now", Timestamps.of(now))
                .bind("tokenHash", hash.hex())
                .bind("purposes", purposeNames)
                .fetch().rowsUpdated();
        Mono<StoredToken> stored = storage.client().sql("""
                        SELECT token_hash, purpose, user_id, created_at, expires_at, new_email, consumed_at
                        FROM verification_tokens WHERE token_hash = :tokenHash AND purpose IN (:purposes)""")
                .bind("tokenHash", hash.hex())
                .bind("purposes", purposeNames)
                .map(VerificationTokenPersistenceAdapter::read)
                .one();
        Mono<Redemption> redeemed = stored.map(row -> new Redemption.Redeemed(row.token()));
        Mono<Redemption> notRedeemed = stored
                .map(row -> row.consumed()
                        ? (Redemption) new Redemption.AlreadyRedeemed(row.token().userId())
                        : new Redemption.Expired())
                .defaultIfEmpty(new Redemption.Unknown());
        return storage.guard(spend.flatMap(spent -> spent == 1 ? redeemed : notRedeemed));
    }

    @Override
    public Mono<Void> discardUnspent(UserId userId, VerificationPurpose purpose) {
        return storage.guard(storage.client().sql("""
                        DELETE FROM verification_tokens
                        WHERE user_id = :userId AND purpose = :purpose AND consumed_at IS NULL""")
                .bind("userId", userId.value())
                .bind("purpose", purpose.name())
                .then());
    }

    /** The conditional UPDATE admits a try; when it admits none, an open challenge is exhausted and spent. */
    @Override
    public Mono<Attempt> beginAttempt(TokenHash challenge, int allowed, Instant now) {
        Mono<Long> counted = storage.client().sql("""
                        UPDATE verification_tokens SET attempts = attempts + 1
                        WHERE token_hash = :tokenHash AND purpose = :purpose AND consumed_at IS NULL
                          AND expires_at > :now AND attempts < :allowed""")
                .bind("tokenHash", challenge.hex())
                .bind("purpose", VerificationPurpose.SIGN_IN_CHALLENGE.name())
                .bind("now", Timestamps.of(now))
                .bind("allowed", allowed)
                .fetch().rowsUpdated();
        Mono<Attempt> admitted = counted.filter(updated -> updated == 1)
                .flatMap(updated -> storage.client().sql("SELECT user_id FROM verification_tokens WHERE token_hash = :tokenHash")
                        .bind("tokenHash", challenge.hex())
                        .map(row -> (Attempt) new Attempt.Admitted(new UserId(row.get("user_id", String.class))))
                        .one());
        Mono<Attempt> exhausted = storage.client().sql("""
                        UPDATE verification_tokens SET consumed_at = :now
                        WHERE token_hash = :tokenHash AND purpose = :purpose AND consumed_at IS NULL
                          AND expires_at > :now""")
                .bind("now", Timestamps.of(now))
                .bind("tokenHash", challenge.hex())
                .bind("purpose", VerificationPurpose.SIGN_IN_CHALLENGE.name())
                .fetch().rowsUpdated()
                .map(spent -> spent == 1 ? new Attempt.Exhausted() : new Attempt.Unknown());
        return storage.guard(admitted.switchIfEmpty(exhausted));
    }

    @Override
    public Mono<UserId> holder(TokenHash challenge, Instant now) {
        return storage.guard(storage.client().sql("""
                        SELECT user_id FROM verification_tokens
                        WHERE token_hash = :tokenHash AND purpose = :purpose AND consumed_at IS NULL AND expires_at > :now""")
                .bind("tokenHash", challenge.hex())
                .bind("purpose", VerificationPurpose.SIGN_IN_CHALLENGE.name())
                .bind("now", Timestamps.of(now))
                .map(row -> new UserId(row.get("user_id", String.class)))
                .one());
    }

    private static StoredToken read(Readable row) {
        var token = new VerificationToken(new TokenHash(row.get("token_hash", String.class).strip()),
                VerificationPurpose.valueOf(row.get("purpose", String.class)),
                new UserId(row.get("user_id", String.class)), Timestamps.read(row, "created_at"),
                Timestamps.read(row, "expires_at"),
                Optional.ofNullable(row.get("new_email", String.class)).flatMap(EmailAddress::parse));
        return new StoredToken(token, Timestamps.read(row, "consumed_at") != null);
    }

    private record StoredToken(VerificationToken token, boolean consumed) {
    }
}
