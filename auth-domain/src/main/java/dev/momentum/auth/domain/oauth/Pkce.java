package dev.momentum.auth.domain.oauth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * PKCE as OAuth 2.1 keeps it (RFC 7636 with {@code S256} only): the verifier is 43 to 128
 * unreserved characters, and BASE64URL(SHA-256(verifier)) must be the challenge sent with the
 * authorization request, compared in constant time.
 */
public final class Pkce {

    public static final String S256 = "S256";

    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9\\-._~]{43,128}");
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9\\-_]{43}");

    private Pkce() {
    }

    /** A challenge an authorization request may carry: 43 base64url characters, a SHA-256 hash. */
    public static boolean isChallenge(String challenge) {
        return challenge != null && CHALLENGE.matcher(challenge).matches();
    }

    public static boolean verifies(String verifier, String challenge) {
        if (verifier == null || !VERIFIER.matcher(verifier).matches() || !isChallenge(challenge)) {
            return false;
        }
        byte[] hash = sha256(verifier.getBytes(StandardCharsets.US_ASCII));
        byte[] computed = Base64.getUrlEncoder().withoutPadding().encode(hash);
        return MessageDigest.isEqual(computed, challenge.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
