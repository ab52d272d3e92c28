package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * The HTTP edge of a service whose public URL is https (behind a TLS-terminating proxy, as the
 * deployment guide runs it): security headers on every answer, errors included; JSON far beyond
 * any request refused before it is bound; header injection and open redirects refused.
 */
class HardeningIT {

    @TempDir
    static Path dataDirectory;
    @TempDir
    static Path plainDataDirectory;
    private static RunningService service;
    private static RunningService plainHttpService;
    private static WebTestClient http;

    /** Both up for the whole class: closing one service's context while another runs stops the other's server. */
    @BeforeAll
    static void start() {
        service = RunningService.start(Map.of("AUTH_DATA_DIR", dataDirectory.toString(),
                "AUTH_BASE_URL", "https://auth.example.com"));
        plainHttpService = RunningService.start(Map.of("AUTH_DATA_DIR", plainDataDirectory.toString()));
        http = service.client();
    }

    @AfterAll
    static void stop() {
        service.close();
        plainHttpService.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/auth/ok", "/api/auth/no-such-route", "/api/auth/get-session", "/api/auth/jwks",
            "/health", "/api/auth/token"})
    void everyAnswerCarriesTheSecurityHeadersAndHsts(String path) {
        http.get().uri(path).exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void aServiceWithAPlainHttpPublicUrlSendsNoHsts() {
        plainHttpService.client().get().uri("/api/auth/ok").exchange()
                .expectHeader().doesNotExist("Strict-Transport-Security")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void jsonNestedDeeperThanAnyRequestIsRefusedWith400() {
        String deep = "[".repeat(40) + "]".repeat(40);

        signUp("{\"name\":\"Ada\",\"email\":\"deep@example.com\",\"password\":\"a-long-password\",\"extra\":" + deep + "}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
    }

    @Test
    void stringsNamesAndNumbersFarBeyondAnyFieldAreRefusedWith400() {
        signUp("{\"name\":\"" + "a".repeat(70_000) + "\",\"email\":\"long@example.com\",\"password\":\"a-long-password\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        signUp("{\"" + "k".repeat(300) + "\":1,\"name\":\"Ada\",\"email\":\"key@example.com\",\"password\":\"a-long-password\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        signUp("{\"n\":" + "9".repeat(100) + ",\"name\":\"Ada\",\"email\":\"num@example.com\",\"password\":\"a-long-password\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
    }

    @Test
    void lineBreaksInANameOrAnAddressNeverReachAMail() {
        signUp("{\"name\":\"Ada\\r\\nBcc: victim@example.com\",\"email\":\"crlf@example.com\",\"password\":\"a-long-password\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
        signUp("{\"name\":\"Ada\",\"email\":\"crlf@example.com\\r\\nBcc: victim@example.com\",\"password\":\"a-long-password\"}")
                .expectStatus().isBadRequest();
        http.post().uri("/api/auth/request-password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"crlf@example.com\\nBcc: victim@example.com\"}").exchange()
                .expectStatus().isBadRequest();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.com/welcome", "//evil.example.com", "/\\evil.example.com",
            "javascript:alert(1)", "https://auth.example.com.evil.example/"})
    void callbacksToOtherSitesAreRefused(String callback) {
        signUp("{\"name\":\"Ada\",\"email\":\"redirect@example.com\",\"password\":\"a-long-password\",\"callbackURL\":\""
                + callback.replace("\\", "\\\\") + "\"}")
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_CALLBACK_URL");
    }

    private static ResponseSpec signUp(String json) {
        return http.post().uri("/api/auth/sign-up/email").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }
}
