package dev.momentum.auth.domain.verification;

import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-use token mailed to a user, stored as a hash. Unlike better-auth's stateless JWT
 * links, it can be used once only, and it can be revoked. An email-change token, and only
 * such a token, carries the address it proves.
 */
public record VerificationToken(TokenHash hash, VerificationPurpose purpose, UserId userId, Instant createdAt,
                                Instant expiresAt, Optional<EmailAddress> newEmail) {

    public VerificationToken {
        Objects.requireNonNull(hash, "hash cannot be null");
        Objects.requireNonNull(purpose, "purpose cannot be null");
        Objects.requireNonNull(userId, "userId cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
        Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
        Objects.requireNonNull(newEmail, "newEmail cannot be null");
        if (newEmail.isPresent() != (purpose == VerificationPurpose.EMAIL_CHANGE)) {
            throw new IllegalArgumentException("an email-change token, and only one, carries a new address");
        }
    }

    public static VerificationToken issue(TokenHash hash, VerificationPurpose purpose, UserId userId, Instant now,
                                          Duration validity) {
        return new VerificationToken(hash, purpose, userId, now, now.plus(validity), Optional.empty());
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
