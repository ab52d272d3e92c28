package dev.momentum.auth.domain.session;

import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser or client. The bearer token itself is never kept, only its hash.
 * {@code ipAddress} and {@code userAgent} are nullable: not every client sends them.
 */
public record Session(SessionId id, UserId userId, TokenHash tokenHash, Instant createdAt, Instant updatedAt,
                      Instant expiresAt, String ipAddress, String userAgent) {

    public Session {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(userId, "userId cannot be null");
        Objects.requireNonNull(tokenHash, "tokenHash cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
        Objects.requireNonNull(updatedAt, "updatedAt cannot be null");
        Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session must expire after it starts");
        }
    }

    public static Session start(SessionId id, UserId userId, TokenHash tokenHash, SessionLifetime lifetime,
                                boolean rememberMe, ClientInfo client, Instant now) {
        return new Session(id, userId, tokenHash, now, now, now.plus(lifetime.of(rememberMe)),
                client.ipAddress(), client.userAgent());
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * better-auth's sliding expiry: a session last extended at least {@code updateAge} ago
     * ({@code expiresAt - remembered + updateAge <= now}) is extended to now + remembered, but
     * never beyond {@code maximum} after its creation; one already at that end is not extended.
     */
    public boolean isDueForRefreshAt(Instant now, SessionLifetime lifetime) {
        return !expiresAt.minus(lifetime.remembered()).plus(lifetime.updateAge()).isAfter(now)
                && extendedExpiry(now, lifetime).isAfter(expiresAt);
    }

    public Session refreshedAt(Instant now, SessionLifetime lifetime) {
        return new Session(id, userId, tokenHash, createdAt, now, extendedExpiry(now, lifetime), ipAddress, userAgent);
    }

    private Instant extendedExpiry(Instant now, SessionLifetime lifetime) {
        Instant slid = now.plus(lifetime.remembered());
        Instant end = createdAt.plus(lifetime.maximum());
        return slid.isBefore(end) ? slid : end;
    }

    /** Recently signed in: sensitive reads such as the list of sessions need it. */
    public boolean isFreshAt(Instant now, SessionLifetime lifetime) {
        return now.isBefore(createdAt.plus(lifetime.freshAge()));
    }
}
