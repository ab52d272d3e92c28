package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.time.Instant;
import reactor.core.publisher.Mono;

public final class VerificationTokenPersistenceAdapter implements VerificationTokenRepository {

    private final StorageGuard storage;

    VerificationTokenPersistenceAdapter(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Mono<Void> add(VerificationToken token) {
        return storage.guard(storage.client().sql("""
                        INSERT INTO verification_tokens (token_hash, purpose, user_id, created_at, expires_at)
                        VALUES (:tokenHash, :purpose, :userId, :createdAt, :expiresAt)""")
                .bind("tokenHash", token.hash().hex())
                .bind("purpose", token.purpose().name())
                .bind("userId", token.userId().value())
                .bind("createdAt", Timestamps.of(token.createdAt()))
                .bind("expiresAt", Timestamps.of(token.expiresAt()))
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
    public Mono<Redemption> redeem(TokenHash hash, VerificationPurpose purpose, Instant now) {
        // the conditional UPDATE is the atomic step: under concurrency exactly one caller sees a row updated
        Mono<Long> spend = storage.client().sql("""
                        UPDATE verification_tokens SET consumed_at = :now
                        WHERE token_hash = :tokenHash AND purpose = :purpose
                          AND consumed_at IS NULL AND expires_at > :now""")
                .bind("now", Timestamps.of(now))
                .bind("tokenHash", hash.hex())
                .bind("purpose", purpose.name())
                .fetch().rowsUpdated();
        Mono<Redemption> redeemed = ownerOf(hash, purpose).map(row -> new Redemption.Redeemed(row.userId()));
        Mono<Redemption> notRedeemed = ownerOf(hash, purpose)
                .map(row -> row.consumed()
                        ? (Redemption) new Redemption.AlreadyRedeemed(row.userId())
                        : new Redemption.Expired())
                .defaultIfEmpty(new Redemption.Unknown());
        return storage.guard(spend.flatMap(spent -> spent == 1 ? redeemed : notRedeemed));
    }

    private Mono<TokenOwner> ownerOf(TokenHash hash, VerificationPurpose purpose) {
        return storage.client().sql("""
                        SELECT user_id, consumed_at FROM verification_tokens
                        WHERE token_hash = :tokenHash AND purpose = :purpose""")
                .bind("tokenHash", hash.hex())
                .bind("purpose", purpose.name())
                .map(row -> new TokenOwner(new UserId(row.get("user_id", String.class)),
                        Timestamps.read(row, "consumed_at") != null))
                .one();
    }

    private record TokenOwner(UserId userId, boolean consumed) {
    }
}
