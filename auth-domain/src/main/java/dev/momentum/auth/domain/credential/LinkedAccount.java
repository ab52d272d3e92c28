package dev.momentum.auth.domain.credential;

import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A way to sign in that a user has: better-auth's {@code account} row. Email and password is the
 * provider "credential", whose account id is the user id. Secrets are never part of it.
 */
public record LinkedAccount(String id, UserId userId, String providerId, String accountId, Instant createdAt,
                            Instant updatedAt) {

    public LinkedAccount {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(userId, "userId cannot be null");
        Objects.requireNonNull(providerId, "providerId cannot be null");
        Objects.requireNonNull(accountId, "accountId cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
        Objects.requireNonNull(updatedAt, "updatedAt cannot be null");
    }
}
