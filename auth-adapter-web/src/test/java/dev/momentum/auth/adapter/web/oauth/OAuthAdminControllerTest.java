package dev.momentum.auth.adapter.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.oauth.port.in.RegisterClientCommand;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.oauth.ClientMetadata;
import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.user.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class OAuthAdminControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, OAuthAdminController.class, OAuthConsentsController.class);
    final SessionResult admin = auth.signUpVerifyAndSignIn("admin@example.com");
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    OAuthAdminControllerTest() {
        auth.users.users.computeIfPresent(admin.user().id(), (id, user) -> user.withRole(User.ADMIN));
    }

    <S extends WebTestClient.RequestHeadersSpec<S>> S asAdmin(WebTestClient.RequestHeadersSpec<S> request) {
        return request.header(ControllerSlice.ADMINISTRATOR, admin.user().id().value());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> created() {
        return asAdmin(client.post().uri("/api/admin/oauth-clients")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("client_name", "Reporting", "grant_types", List.of("client_credentials"),
                        "token_endpoint_auth_method", "client_secret_post"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void createThenAServiceClientWithItsSecretOnceAndListedWithoutIt() {
        Map<String, Object> service = created();

        assertThat(service).containsKeys("client_id", "client_secret")
                .containsEntry("grant_types", List.of("client_credentials"))
                .containsEntry("token_endpoint_auth_method", "client_secret_post");
        asAdmin(client.get().uri("/api/admin/oauth-clients"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].client_id").isEqualTo(service.get("client_id"))
                .jsonPath("$[0].registered_by").isEqualTo("administrator")
                .jsonPath("$[0].disabled").isEqualTo(false)
                .jsonPath("$[0].client_secret").doesNotExist();
    }

    @Test
    void rotateDisableAndDeleteThenEachAnsweredAndAnUnknownClientA404() {
        String id = (String) created().get("client_id");

        asAdmin(client.post().uri("/api/admin/oauth-clients/{id}/rotate-secret", id))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.client_secret").isNotEmpty();
        asAdmin(client.post().uri("/api/admin/oauth-clients/{id}/disable", id))
                .exchange().expectStatus().isOk().expectBody().json("{\"success\":true}");
        asAdmin(client.delete().uri("/api/admin/oauth-clients/{id}/grants", id))
                .exchange().expectStatus().isOk().expectBody().json("{\"revoked\":0}");
        asAdmin(client.delete().uri("/api/admin/oauth-clients/{id}", id))
                .exchange().expectStatus().isOk();
        asAdmin(client.delete().uri("/api/admin/oauth-clients/{id}", id))
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void anyOfItWhenNotAnAdministratorThen403() {
        client.get().uri("/api/admin/oauth-clients").header(ControllerSlice.ADMINISTRATOR, ada.user().id().value())
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void consentsThenTheUsersListAsBetterAuthNamesItAndDeleteWithdrawsOne() {
        var registered = auth.clientRegistration.register(new RegisterClientCommand(new ClientMetadata(
                List.of("http://127.0.0.1:8000/cb"), "MCP client", "none", List.of(), List.of(), null, null, null, null, null, List.of()),
                null)).block();
        auth.oauth.grant(ada.user().id(), registered.client().clientId(),
                Scopes.parse("openid").orElseThrow(), auth.clock.instant()).block();

        client.get().uri("/api/auth/oauth2/get-consents").cookies(ControllerSlice.signedIn(ada))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].id").isEqualTo(registered.client().clientId())
                .jsonPath("$[0].clientName").isEqualTo("MCP client")
                .jsonPath("$[0].scopes[0]").isEqualTo("openid");
        client.post().uri("/api/auth/oauth2/delete-consent").cookies(ControllerSlice.signedIn(ada))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("id", registered.client().clientId()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"status\":true}");
        client.post().uri("/api/auth/oauth2/delete-consent").cookies(ControllerSlice.signedIn(ada))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("id", registered.client().clientId()))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        client.get().uri("/api/auth/oauth2/get-consents")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
    }
}
