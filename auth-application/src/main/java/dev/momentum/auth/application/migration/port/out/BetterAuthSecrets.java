package dev.momentum.auth.application.migration.port.out;

import java.util.Optional;

/** What better-auth encrypted or encoded with its own schemes, turned into what this service keeps. */
public interface BetterAuthSecrets {

    /**
     * Decrypts a value better-auth's {@code symmetricEncrypt} made (XChaCha20-Poly1305 under SHA-256
     * of its secret, bare hex or in a {@code $ba$<version>$} envelope); empty when no known secret
     * opens it, and for null.
     */
    Optional<String> decrypt(String encrypted);

    /**
     * The JWK better-auth's JWKS served for a key row, with {@code kid}, {@code alg} and {@code use};
     * empty when the stored key is not a public key this service can publish.
     */
    Optional<String> publicJwk(String kid, String storedPublicKey, String alg, String crv);
}
