package dev.momentum.auth.adapter.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.security.SessionCookieCodec;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedOAuthQueryTest {

    static final String SECRET = "a-test-secret-of-at-least-thirty-two-characters";
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    static final List<Map.Entry<String, String>> REQUEST = List.of(Map.entry("response_type", "code"),
            Map.entry("client_id", "c1"), Map.entry("scope", "openid mcp:tools"),
            Map.entry("resource", "https://a.example/mcp"), Map.entry("resource", "https://b.example/mcp"),
            Map.entry("sig", "a forged one"));

    final SignedOAuthQuery queries = queriesWith(SECRET, List.of());

    static SignedOAuthQuery queriesWith(String secret, List<String> previous) {
        return new SignedOAuthQuery(new SessionCookieCodec(new AuthApiSettings(URI.create("http://localhost:3002"),
                List.of(), secret, List.of(), previous)), Duration.ofMinutes(10));
    }

    @Test
    void verifyWhenSignedThenTheRequestInOrderWithoutWhatSigningAddedAndWhenItWasSigned() {
        String signed = queries.sign(REQUEST, NOW);

        var verified = queries.verify(signed, NOW.plusSeconds(599)).orElseThrow();

        assertThat(verified.request()).containsExactlyElementsOf(REQUEST.subList(0, 5));
        assertThat(verified.issuedAt()).isEqualTo(NOW);
        assertThat(signed).contains("scope=openid+mcp%3Atools").contains("&ba_param=resource&");
    }

    @Test
    void verifyWhenAlteredExpiredOrSignedWithAnotherSecretThenNothing() {
        String signed = queries.sign(REQUEST, NOW);

        assertThat(queries.verify(signed.replace("client_id=c1", "client_id=c2"), NOW)).isEmpty();
        assertThat(queries.verify(signed.replace("&resource=https%3A%2F%2Fb.example%2Fmcp", ""), NOW)).isEmpty();
        assertThat(queries.verify(signed + "&sig=another", NOW)).isEmpty();
        assertThat(queries.verify(signed, NOW.plusSeconds(601))).isEmpty();
        assertThat(queriesWith("another-secret-of-at-least-thirty-two-chars", List.of()).verify(signed, NOW)).isEmpty();
        assertThat(queriesWith("another-secret-of-at-least-thirty-two-chars", List.of(SECRET)).verify(signed, NOW))
                .as("a secret rotated out still verifies").isPresent();
        assertThat(queries.verify("response_type=code&sig=x", NOW)).isEmpty();
        assertThat(queries.verify("%zz", NOW)).isEmpty();
    }

    @Test
    void verifyWhenAParameterIsAddedThatTheSignatureDoesNotNameThenItIsLeftOut() {
        String signed = queries.sign(REQUEST, NOW);

        var verified = queries.verify(signed + "&prompt=none", NOW).orElseThrow();

        assertThat(verified.request()).extracting(Map.Entry::getKey).doesNotContain("prompt");
    }
}
