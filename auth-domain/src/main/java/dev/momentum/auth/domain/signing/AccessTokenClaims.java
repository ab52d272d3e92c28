package dev.momentum.auth.domain.signing;

import dev.momentum.auth.domain.oauth.Scopes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An OAuth access token as RFC 9068 has it ({@code typ: at+jwt}): issued to a client, for a
 * user or (client credentials) for the client itself, for the resources in its audience.
 *
 * @param subject the user's id, or the client's for client credentials
 * @param audience the resource indicators the token is for; never empty
 */
public record AccessTokenClaims(String issuer, String subject, List<String> audience, String clientId, Scopes scopes,
                                Instant issuedAt, Instant expiresAt, String tokenId) implements JwtClaims {

    public AccessTokenClaims {
        Objects.requireNonNull(issuer, "issuer cannot be null");
        Objects.requireNonNull(subject, "subject cannot be null");
        audience = List.copyOf(audience);
        Objects.requireNonNull(clientId, "clientId cannot be null");
        Objects.requireNonNull(scopes, "scopes cannot be null");
        Objects.requireNonNull(issuedAt, "issuedAt cannot be null");
        Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
        Objects.requireNonNull(tokenId, "tokenId cannot be null");
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("an access token is for at least one resource");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }
}
