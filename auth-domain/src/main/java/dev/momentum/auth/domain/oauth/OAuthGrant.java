package dev.momentum.auth.domain.oauth;

import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one exchanged authorization code granted: the refresh tokens of a client for a user descend
 * from it, one at a time, and all end with it: at its bound, at a revocation, or when a spent one
 * is presented again (OAuth 2.1 section 4.3.1).
 *
 * @param expiresAt the bound no rotation extends
 */
public record OAuthGrant(String id, String clientId, UserId user, Scopes scopes, List<ResourceIndicator> resources,
                         Instant authTime, Instant createdAt, Instant expiresAt) {

    public OAuthGrant {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(clientId, "clientId cannot be null");
        Objects.requireNonNull(user, "user cannot be null");
        Objects.requireNonNull(scopes, "scopes cannot be null");
        resources = List.copyOf(resources);
        Objects.requireNonNull(authTime, "authTime cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
        Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
    }
}
