package dev.momentum.auth.adapter.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionCookieCodecTest {

    static final String SECRET = "better-auth-secret-0123456789abcdef";
    static final String TOKEN = "abcDEF0123456789abcDEF0123456789";
    /** Computed with node:crypto exactly as better-call signs cookies: base64(HMAC-SHA256(utf8 secret, token)). */
    static final String SIGNED_BY_BETTER_AUTH = TOKEN + ".D3kQvldcZFAVK+F7y/feUimY8OkU5dd7tgFSZFRlgAQ=";
    static final String COOKIE_VALUE_BY_BETTER_AUTH = TOKEN + ".D3kQvldcZFAVK%2BF7y%2FfeUimY8OkU5dd7tgFSZFRlgAQ%3D";

    private final SessionCookieCodec http = codec("http://localhost:3002");

    private static SessionCookieCodec codec(String baseUrl) {
        return new SessionCookieCodec(new AuthApiSettings(URI.create(baseUrl), List.of(), SECRET));
    }

    @Test
    void signWhenSameSecretThenSameValueAsBetterAuth() {
        assertThat(http.sign(TOKEN)).isEqualTo(SIGNED_BY_BETTER_AUTH);
        assertThat(http.sessionCookie(TOKEN, Optional.empty()).getValue()).isEqualTo(COOKIE_VALUE_BY_BETTER_AUTH);
    }

    @Test
    void verifyWhenBetterAuthCookieOrBearerThenToken() {
        assertThat(http.verify(COOKIE_VALUE_BY_BETTER_AUTH)).contains(TOKEN);
        assertThat(http.verify(SIGNED_BY_BETTER_AUTH)).contains(TOKEN);
    }

    @Test
    void verifyWhenTokenOrSignatureTamperedThenEmpty() {
        assertThat(http.verify("X" + SIGNED_BY_BETTER_AUTH.substring(1))).isEmpty();
        assertThat(http.verify(SIGNED_BY_BETTER_AUTH.replace("D3kQ", "D3kR"))).isEmpty();
        assertThat(http.verify(TOKEN + ".short=")).isEmpty();
        assertThat(http.verify(TOKEN + "%zz." + "A".repeat(43) + "=")).as("a broken %-escape (found by FuzzIT)").isEmpty();
        assertThat(http.verify(TOKEN)).isEmpty();
        assertThat(http.verify(".D3kQvldcZFAVK+F7y/feUimY8OkU5dd7tgFSZFRlgAQ=")).isEmpty();
    }

    @Test
    void verifyWhenSignedWithAnotherSecretThenEmpty() {
        var other = new SessionCookieCodec(new AuthApiSettings(URI.create("http://localhost:3002"), List.of(),
                "another-secret-0123456789abcdefghij"));

        assertThat(other.verify(SIGNED_BY_BETTER_AUTH)).isEmpty();
    }

    @Test
    void verifyWhenSignedWithAPreviousSecretThenValidWhileThatSecretIsListed() {
        var rotated = new SessionCookieCodec(new AuthApiSettings(URI.create("http://localhost:3002"), List.of(),
                "another-secret-0123456789abcdefghij", List.of(), List.of(SECRET)));

        assertThat(rotated.verify(SIGNED_BY_BETTER_AUTH)).contains(TOKEN);
        assertThat(rotated.sign(TOKEN)).as("new signatures use the current secret").isNotEqualTo(SIGNED_BY_BETTER_AUTH);
        assertThat(http.verify(rotated.sign(TOKEN))).isEmpty();
    }

    @Test
    void cookieWhenHttpThenBetterAuthNameAndAttributes() {
        var cookie = http.sessionCookie(TOKEN, Optional.of(Duration.ofDays(7)));

        assertThat(cookie.getName()).isEqualTo("better-auth.session_token");
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofDays(7));
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.isSecure()).isFalse();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
    }

    @Test
    void cookieWhenHttpsThenSecurePrefixAndFlag() {
        var https = codec("https://auth.example.com");
        var cookie = https.sessionCookie(TOKEN, Optional.empty());

        assertThat(cookie.getName()).isEqualTo("__Secure-better-auth.session_token");
        assertThat(cookie.isSecure()).isTrue();
        assertThat(cookie.getMaxAge().isNegative()).as("a browser-session cookie").isTrue();
        assertThat(https.expired(https.sessionCookieName()).getMaxAge()).isZero();
    }
}
