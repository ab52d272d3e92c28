package dev.momentum.auth.domain.signing;

import java.util.Objects;

/**
 * One public key as a JSON Web Key object (RFC 7517), as the key's maker wrote it: our crypto
 * adapter for our keys, better-auth for imported ones. The core passes it on unread; the adapters
 * that serve or verify with it parse it.
 */
public record PublicJwk(String json) {

    public PublicJwk {
        Objects.requireNonNull(json, "json cannot be null");
        if (!json.startsWith("{")) {
            throw new IllegalArgumentException("a JWK is a JSON object");
        }
    }
}
