package dev.momentum.auth.adapter.web.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.testing.TestAuthService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class EmailVerificationControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, EmailVerificationController.class);

    @Test
    void verifyWhenTheLinkIsFollowedThenVerifiedSignedInAndSentToTheCallback() {
        auth.signUp("ada@example.com");

        var result = client.get().uri("/api/auth/verify-email?token={token}&callbackURL=/welcome", auth.tokenOfLastMail())
                .exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/welcome")
                .expectBody().returnResult();

        assertThat(result.getResponseCookies().getFirst("better-auth.session_token")).isNotNull();
        assertThat(auth.users.users.values()).singleElement().satisfies(user -> assertThat(user.emailVerified()).isTrue());
    }

    @Test
    void verifyWhenTheTokenIsBadThenA401InBetterAuthsWordsOrTheCallbackWithTheError() {
        client.get().uri("/api/auth/verify-email?token=not-a-token")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().json("{\"code\":\"INVALID_TOKEN\",\"message\":\"Invalid token\"}");
        client.get().uri("/api/auth/verify-email?token=not-a-token&callbackURL=/welcome")
                .exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/welcome?error=INVALID_TOKEN");
        client.get().uri("/api/auth/verify-email")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void sendVerificationEmailWhenKnownOrUnknownThenTheSameAnswer() {
        auth.signUp("ada@example.com");
        int mailsBefore = auth.outbox.queued().size();

        for (String email : new String[] {"ada@example.com", "nobody@example.com"}) {
            client.post().uri("/api/auth/send-verification-email").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("email", email, "callbackURL", "/welcome"))
                    .exchange()
                    .expectStatus().isOk()
                    .expectBody().json("{\"status\":true}");
        }

        assertThat(auth.outbox.queued()).hasSize(mailsBefore + 1);
    }
}
