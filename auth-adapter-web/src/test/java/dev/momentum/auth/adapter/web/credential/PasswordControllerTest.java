package dev.momentum.auth.adapter.web.credential;

import static dev.momentum.auth.application.testing.TestAuthService.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class PasswordControllerTest {

    static final String NEW_PASSWORD = "another long password";

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, PasswordController.class);
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    @Test
    void requestPasswordResetWhenKnownOrUnknownThenTheSameAnswerAndAMailOnlyForTheKnown() {
        int mailsBefore = auth.outbox.queued().size();
        String known = requestReset("ada@example.com");
        String unknown = requestReset("nobody@example.com");

        assertThat(unknown).isEqualTo(known).contains("\"status\":true");
        assertThat(auth.outbox.queued()).hasSize(mailsBefore + 1);
    }

    @Test
    void resetLinkWhenFollowedThenToTheFrontendWithTheTokenAndTheResetSetsThePassword() {
        requestReset("ada@example.com");
        String token = auth.tokenOfLastResetMail();

        client.get().uri("/api/auth/reset-password/{token}?callbackURL={url}", token, "/reset")
                .exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/reset?token=" + token);
        client.post().uri("/api/auth/reset-password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "newPassword", NEW_PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"status\":true}");

        assertThat(auth.signedIn(TestAuthService.signInCommand("ada@example.com", NEW_PASSWORD)).block()).isNotNull();
        client.get().uri("/api/auth/reset-password/{token}?callbackURL={url}", token, "/reset")
                .exchange()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/reset?error=INVALID_TOKEN");
    }

    @Test
    void changePasswordWhenRevokingOthersThenANewSessionCookieAndTheOldSessionGone() {
        var result = client.post().uri("/api/auth/change-password").contentType(MediaType.APPLICATION_JSON)
                .cookies(ControllerSlice.signedIn(ada))
                .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD, "revokeOtherSessions", true))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult();

        assertThat(result.getResponseBody().get("token")).isNotNull().isNotEqualTo(ada.token().value());
        assertThat(result.getResponseCookies().getFirst("better-auth.session_token")).isNotNull();
        assertThat(auth.getSession.getSession(ada.token()).blockOptional()).isEmpty();
    }

    @Test
    void verifyPasswordWhenWrongOrMissingThenTheContractsErrors() {
        client.post().uri("/api/auth/verify-password").contentType(MediaType.APPLICATION_JSON)
                .cookies(ControllerSlice.signedIn(ada))
                .bodyValue(Map.of("password", "wrong password!"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_PASSWORD");
        client.post().uri("/api/auth/verify-password").contentType(MediaType.APPLICATION_JSON)
                .cookies(ControllerSlice.signedIn(ada))
                .bodyValue(Map.of())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
    }

    private String requestReset(String email) {
        return client.post().uri("/api/auth/request-password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "redirectTo", "/reset"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
