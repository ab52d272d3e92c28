package dev.momentum.auth.domain.signing;

import dev.momentum.auth.domain.user.User;
import java.time.Instant;
import java.util.Objects;

/**
 * What a JWT for backends states: who issued it for whom, when, under which id, and the user
 * with their role. Their names on the wire (better-auth's user fields, the registered claims and
 * OpenID's {@code email_verified}) are the signing adapter's business.
 *
 * @param tokenId the {@code jti}: unique per token
 * @param role the role the token grants, as {@code AdminPolicy} decides it
 */
public record TokenClaims(String issuer, String audience, Instant issuedAt, Instant expiresAt, String tokenId,
                          User user, String role) implements JwtClaims {

    public TokenClaims {
        Objects.requireNonNull(issuer, "issuer cannot be null");
        Objects.requireNonNull(audience, "audience cannot be null");
        Objects.requireNonNull(issuedAt, "issuedAt cannot be null");
        Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
        Objects.requireNonNull(tokenId, "tokenId cannot be null");
        Objects.requireNonNull(user, "user cannot be null");
        Objects.requireNonNull(role, "role cannot be null");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }
}
