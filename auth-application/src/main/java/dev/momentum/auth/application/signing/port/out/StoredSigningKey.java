package dev.momentum.auth.application.signing.port.out;

import dev.momentum.auth.domain.signing.SigningKey;
import java.util.Objects;

/**
 * A signing key as stored: its public JWK (JSON, with {@code kid}, {@code alg}, {@code use}) and
 * its private JWK sealed under a key derived from the service secret.
 */
public record StoredSigningKey(SigningKey key, String publicJwk, String sealedPrivateJwk) {

    public StoredSigningKey {
        Objects.requireNonNull(key, "key cannot be null");
        Objects.requireNonNull(publicJwk, "publicJwk cannot be null");
        Objects.requireNonNull(sealedPrivateJwk, "sealedPrivateJwk cannot be null");
    }
}
