package dev.momentum.auth.adapter.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.credential.port.in.SignInResult;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.twofactor.port.in.PasswordConfirmedCommand;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand.Proof;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.twofactor.TotpCheck;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import dev.momentum.auth.domain.user.User;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class AdminControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, AdminController.class);
    final SessionResult admin = auth.signUpVerifyAndSignIn("admin@example.com");
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    AdminControllerTest() {
        auth.users.users.computeIfPresent(admin.user().id(), (id, user) -> user.withRole(User.ADMIN));
    }

    @Test
    void searchUsersThenAPageOfMatchesWithTheTotal() {
        asAdmin(client.get().uri("/api/admin/users?search=ADA@&limit=10"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.users[0].email").isEqualTo("ada@example.com")
                .jsonPath("$.users[0].role").isEqualTo("user");
    }

    @Test
    void searchUsersWhenTheLimitIsNoNumberThenA400() {
        asAdmin(client.get().uri("/api/admin/users?limit=many"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void disableThenTheUserIsListedDisabledWithTheReasonAndTheirSessionsEnd() {
        asAdmin(client.post().uri("/api/admin/users/{id}/disable", ada.user().id().value()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "fraud"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"success\":true}");

        asAdmin(client.get().uri("/api/admin/users/{id}", ada.user().id().value()))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.disabled").isEqualTo(true)
                .jsonPath("$.disabledReason").isEqualTo("fraud");
        assertThat(auth.getSession.getSession(ada.token()).blockOptional()).isEmpty();
    }

    @Test
    void removeSecondFactorThenTheUserSignsInWithThePasswordAloneAndItIsAudited() {
        var enrolment = auth.manageSecondFactor.enableTotp(new PasswordConfirmedCommand(ada.token(),
                TestAuthService.PASSWORD, ClientInfo.UNKNOWN), null).block();
        String secret = enrolment.totpUri().substring(enrolment.totpUri().indexOf("secret=") + "secret=".length());
        auth.verifySecondFactor.verify(new VerifySecondFactorCommand(Proof.TOTP, auth.totpCodes.codeAt(
                new TotpSecret(secret), TotpCheck.stepAt(auth.clock.instant())), ada.token(), null, false, true,
                ClientInfo.UNKNOWN)).block();
        asAdmin(client.get().uri("/api/admin/users/{id}", ada.user().id().value()))
                .exchange().expectBody().jsonPath("$.twoFactorEnabled").isEqualTo(true);

        asAdmin(client.delete().uri("/api/admin/users/{id}/second-factor", ada.user().id().value()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"success\":true}");

        asAdmin(client.get().uri("/api/admin/users/{id}", ada.user().id().value()))
                .exchange().expectBody().jsonPath("$.twoFactorEnabled").isEqualTo(false);
        assertThat(auth.signIn.signIn(TestAuthService.signInCommand("ada@example.com", TestAuthService.PASSWORD))
                .block()).isInstanceOf(SignInResult.SignedInResult.class);
        assertThat(auth.auditTrail.events()).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo(SecurityEventType.TWO_FACTOR_DISABLED);
            assertThat(event.actorId()).isEqualTo(admin.user().id());
        });
    }

    @Test
    void whenTheUserIsUnknownOrTheActorIsNoAdministratorThenTheContractsErrors() {
        asAdmin(client.get().uri("/api/admin/users/{id}", "nobody"))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        client.get().uri("/api/admin/users").header(ControllerSlice.ADMINISTRATOR, ada.user().id().value())
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void setRoleWhenNotAdminOrUserThenA400AndTheRoleStays() {
        asAdmin(client.put().uri("/api/admin/users/{id}/role", ada.user().id().value()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("role", "owner"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");

        assertThat(auth.users.users.get(ada.user().id()).role()).isNotEqualTo("owner");
    }

    @Test
    void auditEventsThenNewestFirstAndFilteredByType() {
        asAdmin(client.get().uri("/api/admin/audit-events?type=SIGN_IN&outcome=success"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.events.length()").isEqualTo(2)
                .jsonPath("$.events[0].type").isEqualTo("SIGN_IN");
        asAdmin(client.get().uri("/api/admin/audit-events?outcome=maybe"))
                .exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void rotateSigningKeysThenTheNewKeyIsAnswered() {
        asAdmin(client.post().uri("/api/admin/signing-keys/rotate"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.kid").isNotEmpty();
    }

    private <S extends WebTestClient.RequestHeadersSpec<S>> S asAdmin(WebTestClient.RequestHeadersSpec<S> request) {
        return request.header(ControllerSlice.ADMINISTRATOR, admin.user().id().value());
    }
}
