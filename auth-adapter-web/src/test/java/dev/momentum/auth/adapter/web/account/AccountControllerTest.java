package dev.momentum.auth.adapter.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class AccountControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, AccountController.class);
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    @Test
    void changeEmailWhenSignedInThenTrueAndAMailToTheNewAddress() {
        int mailsBefore = auth.outbox.queued().size();

        client.post().uri("/api/auth/change-email").contentType(MediaType.APPLICATION_JSON)
                .cookies(ControllerSlice.signedIn(ada))
                .bodyValue(Map.of("newEmail", "ada.new@example.com"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"status\":true}");

        assertThat(auth.outbox.queued()).hasSize(mailsBefore + 1);
    }

    @Test
    void changeEmailWhenTheAddressIsMalformedThenA400BeforeTheSessionIsAskedFor() {
        client.post().uri("/api/auth/change-email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newEmail", "not-an-address"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().json("{\"code\":\"VALIDATION_ERROR\",\"message\":\"[body.newEmail] Invalid email address\"}");
    }

    @Test
    void changeEmailWhenNoSessionThenA401() {
        client.post().uri("/api/auth/change-email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newEmail", "ada.new@example.com"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void deleteUserWhenThePasswordIsRightThenDeletedAndTheCookiesExpired() {
        var result = client.post().uri("/api/auth/delete-user").contentType(MediaType.APPLICATION_JSON)
                .cookies(ControllerSlice.signedIn(ada))
                .bodyValue(Map.of("password", TestAuthService.PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"success\":true,\"message\":\"User deleted\"}")
                .returnResult();

        assertThat(result.getResponseCookies().getFirst("better-auth.session_token").getMaxAge()).isZero();
        assertThat(auth.users.users).isEmpty();
    }

    @Test
    void deleteUserWhenThePasswordIsWrongThenA400AndTheUserStays() {
        client.post().uri("/api/auth/delete-user").contentType(MediaType.APPLICATION_JSON)
                .cookies(ControllerSlice.signedIn(ada))
                .bodyValue(Map.of("password", "wrong password!"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_PASSWORD");

        assertThat(auth.users.users).hasSize(1);
    }
}
