package dev.momentum.auth.adapter.web.credential;

import static dev.momentum.auth.application.testing.TestAuthService.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.token.BearerToken;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class EmailPasswordControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, EmailPasswordController.class);

    @Test
    void signUpWhenValidThenBetterAuthsShapeWithoutATokenUntilVerified() {
        client.post().uri("/api/auth/sign-up/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Ada", "email", "Ada@Example.com", "password", PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody()
                .jsonPath("$.token").isEmpty()
                .jsonPath("$.user.email").isEqualTo("ada@example.com")
                .jsonPath("$.user.emailVerified").isEqualTo(false)
                .jsonPath("$.user.name").isEqualTo("Ada");
    }

    @Test
    void signUpWhenAFieldIsMissingOrTheCallbackIsForeignThenTheContractsErrors() {
        client.post().uri("/api/auth/sign-up/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Ada", "email", "ada@example.com"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
        client.post().uri("/api/auth/sign-up/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Ada", "email", "ada@example.com", "password", PASSWORD,
                        "callbackURL", "https://evil.example/steal"))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_CALLBACK_URL");
        assertThat(auth.users.users).isEmpty();
    }

    @Test
    void signInWhenRightThenTheSignedSessionCookieAndTheTokenInTheBody() {
        auth.signUpVerifyAndSignIn("ada@example.com");

        var result = client.post().uri("/api/auth/sign-in/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "ada@example.com", "password", PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult();

        String token = (String) result.getResponseBody().get("token");
        assertThat(result.getResponseBody()).containsEntry("redirect", false);
        String cookie = result.getResponseCookies().getFirst("better-auth.session_token").getValue();
        assertThat(URLDecoder.decode(cookie, StandardCharsets.UTF_8)).isEqualTo(ControllerSlice.COOKIES.sign(token));
        assertThat(auth.getSession.getSession(new BearerToken(token)).block()).isNotNull();
    }

    @Test
    void signInWhenWrongThenA401InBetterAuthsWordsAndNoCookie() {
        auth.signUpVerifyAndSignIn("ada@example.com");

        client.post().uri("/api/auth/sign-in/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "ada@example.com", "password", "wrong password"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody().json("{\"code\":\"INVALID_EMAIL_OR_PASSWORD\",\"message\":\"Invalid email or password\"}");
    }

    @Test
    void signInWhenTheClientHeldASessionThenThatSessionEnds() {
        SessionResult held = auth.signUpVerifyAndSignIn("ada@example.com");

        client.post().uri("/api/auth/sign-in/email").contentType(MediaType.APPLICATION_JSON)
                .cookies(ControllerSlice.signedIn(held))
                .bodyValue(Map.of("email", "ada@example.com", "password", PASSWORD))
                .exchange()
                .expectStatus().isOk();

        assertThat(auth.getSession.getSession(held.token()).blockOptional()).isEmpty();
    }
}
