package dev.momentum.auth.adapter.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class SessionManagementControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, SessionManagementController.class);
    final SessionResult laptop = auth.signUpVerifyAndSignIn("ada@example.com");
    final SessionResult phone = auth.signedIn(TestAuthService.signInCommand("ada@example.com",
            TestAuthService.PASSWORD)).block();

    @Test
    void listSessionsThenEveryLiveSessionAndOnlyTheCallersWithItsToken() {
        client.get().uri("/api/auth/list-sessions")
                .cookies(ControllerSlice.signedIn(laptop))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[?(@.token == '%s')]".formatted(laptop.token().value())).exists()
                .jsonPath("$[?(@.token == '%s')]".formatted(phone.token().value())).doesNotExist();
    }

    @Test
    void revokeSessionWhenAnotherOfTheUsersThenItEndsAndTheCallersStays() {
        client.post().uri("/api/auth/revoke-session").contentType(MediaType.APPLICATION_JSON)
                .cookies(ControllerSlice.signedIn(laptop))
                .bodyValue(Map.of("token", phone.token().value()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"status\":true}");

        assertThat(auth.getSession.getSession(phone.token()).blockOptional()).isEmpty();
        assertThat(auth.getSession.getSession(laptop.token()).blockOptional()).isPresent();
    }

    @Test
    void revokeOtherSessionsThenOnlyTheCallersIsLeft() {
        client.post().uri("/api/auth/revoke-other-sessions")
                .cookies(ControllerSlice.signedIn(laptop))
                .exchange()
                .expectStatus().isOk();

        assertThat(auth.getSession.getSession(phone.token()).blockOptional()).isEmpty();
        assertThat(auth.getSession.getSession(laptop.token()).blockOptional()).isPresent();
    }

    @Test
    void withoutASessionOrWithNothingToChangeThenTheContractsErrors() {
        client.get().uri("/api/auth/list-sessions")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
        client.post().uri("/api/auth/update-session")
                .cookies(ControllerSlice.signedIn(laptop))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("NO_FIELDS_TO_UPDATE");
        client.post().uri("/api/auth/revoke-session").contentType(MediaType.APPLICATION_JSON)
                .cookies(ControllerSlice.signedIn(laptop))
                .bodyValue(Map.of("token", " "))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void listAccountsThenTheCredentialAccount() {
        client.get().uri("/api/auth/list-accounts")
                .cookies(ControllerSlice.signedIn(laptop))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].providerId").isEqualTo("credential")
                .jsonPath("$[0].userId").isEqualTo(laptop.user().id().value());
    }
}
