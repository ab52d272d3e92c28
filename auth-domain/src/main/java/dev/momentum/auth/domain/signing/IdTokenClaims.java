package dev.momentum.auth.domain.signing;

import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.user.User;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenID Connect ID token: the user's sign-in told to the client (its audience), with the
 * profile and email claims its scopes ask for.
 */
public record IdTokenClaims(String issuer, User user, String clientId, Scopes scopes, Instant authTime,
                            Optional<String> nonce, Instant issuedAt, Instant expiresAt) implements JwtClaims {

    public IdTokenClaims {
        Objects.requireNonNull(issuer, "issuer cannot be null");
        Objects.requireNonNull(user, "user cannot be null");
        Objects.requireNonNull(clientId, "clientId cannot be null");
        Objects.requireNonNull(scopes, "scopes cannot be null");
        Objects.requireNonNull(authTime, "authTime cannot be null");
        Objects.requireNonNull(nonce, "nonce cannot be null");
        Objects.requireNonNull(issuedAt, "issuedAt cannot be null");
        Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }
}
