package dev.momentum.auth.domain.oauth;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a client's public keys are, for {@code private_key_jwt}: a JWK set given by value, or the
 * URL it is published at; never both (RFC 7591 section 2).
 *
 * @param jwks the JWK set as JSON text
 */
public record ClientKeys(Optional<String> jwksUri, Optional<String> jwks) {

    public static final ClientKeys NONE = new ClientKeys(Optional.empty(), Optional.empty());

    public ClientKeys {
        Objects.requireNonNull(jwksUri, "jwksUri cannot be null");
        Objects.requireNonNull(jwks, "jwks cannot be null");
        if (jwksUri.isPresent() && jwks.isPresent()) {
            throw new IllegalArgumentException("a client gives its keys by value or by URL, not both");
        }
    }

    public boolean isEmpty() {
        return jwksUri.isEmpty() && jwks.isEmpty();
    }
}
