package dev.momentum.auth.domain.verification;

import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A single-use token mailed to a user, stored as a hash. Unlike better-auth's stateless JWT
 * links, it can be used once only, and it can be revoked.
 */
public record VerificationToken(TokenHash hash, VerificationPurpose purpose, UserId userId, Instant createdAt,
                                Instant expiresAt) {

    public VerificationToken {
        Objects.requireNonNull(hash, "hash cannot be null");
        Objects.requireNonNull(purpose, "purpose cannot be null");
        Objects.requireNonNull(userId, "userId cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
        Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
    }

    public static VerificationToken issue(TokenHash hash, VerificationPurpose purpose, UserId userId, Instant now,
                                          Duration validity) {
        return new VerificationToken(hash, purpose, userId, now, now.plus(validity));
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
