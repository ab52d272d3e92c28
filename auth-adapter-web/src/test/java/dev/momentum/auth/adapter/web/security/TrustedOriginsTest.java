package dev.momentum.auth.adapter.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedOriginsTest {

    private final TrustedOrigins origins = new TrustedOrigins(new AuthApiSettings(URI.create("http://localhost:3002"),
            List.of("https://app.example.com", " http://localhost:3000 "), "x".repeat(32)));

    @Test
    void isTrustedOriginWhenOwnOrFrontendOriginThenTrue() {
        assertThat(origins.isTrustedOrigin("http://localhost:3002")).isTrue();
        assertThat(origins.isTrustedOrigin("https://app.example.com")).isTrue();
        assertThat(origins.isTrustedOrigin("https://APP.example.com:443/some/page?x=1")).isTrue();
        assertThat(origins.isTrustedOrigin("http://localhost:3000")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.example.com.evil.com", "http://app.example.com", "https://evil.com",
            "http://localhost:3001", "null", "", "javascript:alert(1)", "https://app.example.com@evil.com"})
    void isTrustedOriginWhenLookAlikeThenFalse(String origin) {
        assertThat(origins.isTrustedOrigin(origin)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/welcome", "/a/b?c=d#e", "https://app.example.com/after-login"})
    void isSafeRedirectWhenRelativePathOrTrustedUrlThenTrue(String url) {
        assertThat(origins.isSafeRedirect(url)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"//evil.com", "/\\evil.com", "/%2F%2Fevil.com", "/%5cevil.com", "https://evil.com/",
            "javascript:alert(1)", "welcome", "/a\r\nSet-Cookie: x=y", "/a b", "https://app.example.com/\nx"})
    void isSafeRedirectWhenOpenRedirectAttemptThenFalse(String url) {
        assertThat(origins.isSafeRedirect(url)).isFalse();
    }
}
