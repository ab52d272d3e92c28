package dev.momentum.auth.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 of an opaque bearer token (session, verification or reset token). Only this hash is
 * stored, so a copy of the database does not let anyone act as a user. The tokens carry at least
 * 190 bits of randomness, so an unsalted fast hash is enough: there is nothing to brute-force.
 */
public record TokenHash(String hex) {

    public TokenHash {
        Objects.requireNonNull(hex, "hex cannot be null");
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a token hash is 64 hex characters");
        }
    }

    public static TokenHash of(String token) {
        Objects.requireNonNull(token, "token cannot be null");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "TokenHash[" + hex.substring(0, 8) + "…]";
    }
}
