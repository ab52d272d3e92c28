package dev.momentum.auth.adapter.web.security;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.ResponseCookie;

/**
 * better-auth's cookies: {@code better-auth.session_token} holding {@code <token>.<base64 HMAC-SHA256(secret, token)>}
 * URL-encoded, {@code Path=/; HttpOnly; SameSite=Lax}, with the {@code __Secure-} prefix and Secure
 * flag over https (better-auth {@code cookies/index.mjs}, {@code better-call/crypto.mjs}). Signatures
 * made with a previous secret (AUTH_SECRET_PREVIOUS) still verify, so rotating the secret signs
 * nobody out; new ones are made with the current secret.
 */
public final class SessionCookieCodec {

    private static final String HMAC = "HmacSHA256";
    private static final int SIGNATURE_LENGTH = 44;

    /** The current secret's key, which signs, then the previous secrets' keys, which only verify. */
    private final List<SecretKeySpec> keys;
    private final boolean secure;
    private final String prefix;

    public SessionCookieCodec(AuthApiSettings settings) {
        this.keys = Stream.concat(Stream.of(settings.secret()), settings.previousSecrets().stream())
                .map(SessionCookieCodec::hmacKey).toList();
        this.secure = settings.secureCookies();
        this.prefix = secure ? "__Secure-better-auth." : "better-auth.";
    }

    public String sessionCookieName() {
        return prefix + "session_token";
    }

    public String dontRememberCookieName() {
        return prefix + "dont_remember";
    }

    public String sessionDataCookieName() {
        return prefix + "session_data";
    }

    /** A cookie of ours by its name: prefixed as the session cookie is. */
    public String cookieName(String name) {
        return prefix + name;
    }

    /** Whether cookies are {@code Secure}: when the service is served over https. */
    public boolean secure() {
        return secure;
    }

    /** better-auth's twoFactor plugin: the sign-in challenge that waits for a code. */
    public String twoFactorCookieName() {
        return prefix + "two_factor";
    }

    /** better-auth's passkey plugin: the challenge of a WebAuthn ceremony in progress. */
    public String passkeyChallengeCookieName() {
        return prefix + "better-auth-passkey";
    }

    /** better-auth's twoFactor plugin: a browser the user trusted to skip the second factor. */
    public String trustDeviceCookieName() {
        return prefix + "trust_device";
    }

    /** {@code <value>.<signature>}, not yet URL-encoded: the form of the {@code set-auth-token} header. */
    public String sign(String value) {
        return value + "." + signature(keys.getFirst(), value);
    }

    /** The value inside a signed string (cookie value or bearer credential), when the signature holds. */
    public Optional<String> verify(String signed) {
        String decoded;
        try {
            decoded = signed.indexOf('%') >= 0 ? URLDecoder.decode(signed, StandardCharsets.UTF_8) : signed;
        } catch (IllegalArgumentException brokenEscape) {
            return Optional.empty();
        }
        int dot = decoded.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String value = decoded.substring(0, dot);
        String presented = decoded.substring(dot + 1);
        if (presented.length() != SIGNATURE_LENGTH || !presented.endsWith("=")) {
            return Optional.empty();
        }
        return isSignatureOf(presented, value) ? Optional.of(value) : Optional.empty();
    }

    /** The signature of a value as better-auth's {@code makeSignature} makes it: base64 HMAC-SHA256 with the secret. */
    public String signatureOf(String value) {
        return signature(keys.getFirst(), value);
    }

    /** The presented signature is the value's, under the current secret or a previous one. */
    public boolean isSignatureOf(String presented, String value) {
        byte[] presentedBytes = presented.getBytes(StandardCharsets.US_ASCII);
        return keys.stream().anyMatch(key ->
                MessageDigest.isEqual(presentedBytes, signature(key, value).getBytes(StandardCharsets.US_ASCII)));
    }

    /** The session cookie; without a max age it lasts as long as the browser session. */
    public ResponseCookie sessionCookie(String token, Optional<Duration> maxAge) {
        return cookie(sessionCookieName(), encode(sign(token)), maxAge.orElse(null));
    }

    public ResponseCookie dontRememberCookie() {
        return cookie(dontRememberCookieName(), encode(sign("true")), null);
    }

    /** A cookie whose value is signed as the session cookie's is. */
    public ResponseCookie signedCookie(String name, String value, Duration maxAge) {
        return cookie(name, encode(sign(value)), maxAge);
    }

    public ResponseCookie expired(String name) {
        return cookie(name, "", Duration.ZERO);
    }

    private ResponseCookie cookie(String name, String value, Duration maxAge) {
        var builder = ResponseCookie.from(name, value).path("/").httpOnly(true).secure(secure).sameSite("Lax");
        if (maxAge != null) {
            builder.maxAge(maxAge);
        }
        return builder.build();
    }

    private static String encode(String signed) {
        return URLEncoder.encode(signed, StandardCharsets.UTF_8);
    }

    private static SecretKeySpec hmacKey(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    private static String signature(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
