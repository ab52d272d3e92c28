package dev.momentum.auth.adapter.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

class OAuthControllerTest {

    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
    static final String CALLBACK = "http://127.0.0.1:53682/callback";

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, OAuthController.class, OAuthMetadataController.class);
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    @SuppressWarnings("unchecked")
    Map<String, Object> register(String json) {
        return client.post().uri("/api/auth/oauth2/register").contentType(MediaType.APPLICATION_JSON).bodyValue(json)
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    String publicClient() {
        return (String) register("""
                {"redirect_uris":["%s"],"client_name":"MCP client","token_endpoint_auth_method":"none",
                 "grant_types":["authorization_code","refresh_token"],"response_types":["code"]}""".formatted(CALLBACK))
                .get("client_id");
    }

    String authorizeQuery(String clientId) {
        return "response_type=code&client_id=" + clientId + "&redirect_uri=" + CALLBACK
                + "&scope=openid%20mcp:tools&state=st4te&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256&resource=" + TestAuthService.MCP_RESOURCE;
    }

    /** As sent, not encoded again. */
    static URI authorize(String query) {
        return URI.create(ControllerSlice.BASE_URL + "/api/auth/oauth2/authorize?" + query);
    }

    static Map<String, String> queryOf(URI uri) {
        return Arrays.stream(uri.getRawQuery().split("&")).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8),
                        (first, second) -> first));
    }

    @Test
    void metadataWhereverMcpClientsLookWithS256IssAndTheRegistrationEndpoint() {
        for (String path : new String[] {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server",
                "/api/auth/.well-known/openid-configuration", "/api/auth/.well-known/oauth-authorization-server"}) {
            client.get().uri(path)
                    .exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=300, public")
                    .expectBody()
                    .jsonPath("$.issuer").isEqualTo("http://localhost:3002")
                    .jsonPath("$.jwks_uri").isEqualTo("http://localhost:3002/api/auth/jwks")
                    .jsonPath("$.authorization_endpoint").isEqualTo("http://localhost:3002/api/auth/oauth2/authorize")
                    .jsonPath("$.token_endpoint").isEqualTo("http://localhost:3002/api/auth/oauth2/token")
                    .jsonPath("$.registration_endpoint").isEqualTo("http://localhost:3002/api/auth/oauth2/register")
                    .jsonPath("$.revocation_endpoint").isEqualTo("http://localhost:3002/api/auth/oauth2/revoke")
                    .jsonPath("$.introspection_endpoint").isEqualTo("http://localhost:3002/api/auth/oauth2/introspect")
                    .jsonPath("$.code_challenge_methods_supported").isEqualTo("S256")
                    .jsonPath("$.authorization_response_iss_parameter_supported").isEqualTo(true)
                    .jsonPath("$.client_id_metadata_document_supported").isEqualTo(true)
                    .jsonPath("$.end_session_endpoint").isEqualTo("http://localhost:3002/api/auth/oauth2/end-session")
                    .jsonPath("$.token_endpoint_auth_methods_supported[3]").isEqualTo("private_key_jwt")
                    .jsonPath("$.response_types_supported").isEqualTo("code")
                    .jsonPath("$.id_token_signing_alg_values_supported[0]").isEqualTo("ES256");
        }
        client.get().uri("/.well-known/oauth-authorization-server/tenant1").exchange().expectStatus().isNotFound();
    }

    @Test
    void registerThenTheRfc7591AnswerWithTheMetadataAndNoSecretForAPublicClient() {
        Map<String, Object> registered = register("""
                {"redirect_uris":["%s"],"client_name":"MCP client","token_endpoint_auth_method":"none",
                 "grant_types":["authorization_code","refresh_token"],"scope":"openid mcp:tools",
                 "software_id":"ignored"}""".formatted(CALLBACK));

        assertThat(registered).containsEntry("client_name", "MCP client")
                .containsEntry("token_endpoint_auth_method", "none")
                .containsEntry("redirect_uris", List.of(CALLBACK))
                .containsEntry("grant_types", List.of("authorization_code", "refresh_token"))
                .containsEntry("scope", "mcp:tools openid")
                .containsKeys("client_id", "client_id_issued_at")
                .doesNotContainKey("client_secret");
        client.post().uri("/api/auth/oauth2/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"redirect_uris\":\"https://app.example.com/cb\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error").isEqualTo("invalid_redirect_uri")
                .jsonPath("$.error_description").isEqualTo("redirect_uris must be an array of strings");
    }

    @Test
    void authorizeWithoutASessionThenToTheSignInPageWithTheRequestSignedAndBackWithItUnaltered() {
        String clientId = publicClient();

        URI signIn = client.get().uri(authorize(authorizeQuery(clientId)))
                .exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .returnResult(Void.class).getResponseHeaders().getLocation();

        assertThat(signIn.toString()).startsWith("http://localhost:3000/sign-in?response_type=code&client_id=" + clientId);
        assertThat(queryOf(signIn)).containsKeys("sig", "exp", "ba_iat", "ba_param")
                .containsEntry("resource", TestAuthService.MCP_RESOURCE);
        URI consent = client.get().uri(authorize(signIn.getRawQuery()))
                .cookies(ControllerSlice.signedIn(ada))
                .exchange()
                .expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(consent.toString()).startsWith("http://localhost:3000/consent?");
        client.get().uri(authorize(signIn.getRawQuery().replace("st4te", "other")))
                .cookies(ControllerSlice.signedIn(ada))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_request");
    }

    @Test
    void authorizeByFetchThenTheRedirectAsJsonAsBetterAuthAnswersIt() {
        Map<?, ?> answer = client.get().uri(authorize(authorizeQuery(publicClient())))
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(answer.get("redirect")).isEqualTo(true);
        assertThat((String) answer.get("url")).startsWith("http://localhost:3000/sign-in?");
    }

    /** Ada is sent to the consent page, and the page answers; the URL the browser is sent to. */
    String answerConsent(String clientId, boolean accept) {
        URI consentPage = client.get().uri(authorize(authorizeQuery(clientId)))
                .cookies(ControllerSlice.signedIn(ada))
                .exchange().returnResult(Void.class).getResponseHeaders().getLocation();
        return client.post().uri("/api/auth/oauth2/consent").contentType(MediaType.APPLICATION_JSON)
                .cookies(ControllerSlice.signedIn(ada))
                .bodyValue(Map.of("accept", accept, "oauth_query", consentPage.getRawQuery()))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("url").toString();
    }

    @Test
    void consentThenTheCodeWithStateAndIssuerAndTheTokenEndpointExchangesItOnce() {
        String clientId = publicClient();

        String url = answerConsent(clientId, true);

        Map<String, String> callback = queryOf(URI.create(url));
        assertThat(url).startsWith(CALLBACK + "?code=");
        assertThat(callback).containsEntry("state", "st4te").containsEntry("iss", "http://localhost:3002");
        var form = BodyInserters.fromFormData("grant_type", "authorization_code").with("code", callback.get("code"))
                .with("code_verifier", VERIFIER).with("client_id", clientId).with("redirect_uri", CALLBACK);
        client.post().uri("/api/auth/oauth2/token").body(form)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody()
                .jsonPath("$.token_type").isEqualTo("Bearer")
                .jsonPath("$.expires_in").isEqualTo(900)
                .jsonPath("$.scope").isEqualTo("mcp:tools openid")
                .jsonPath("$.access_token").isNotEmpty()
                .jsonPath("$.refresh_token").isNotEmpty()
                .jsonPath("$.id_token").isNotEmpty();
        client.post().uri("/api/auth/oauth2/token").body(form)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.error").isEqualTo("invalid_grant")
                .jsonPath("$.code").doesNotExist();
    }

    @Test
    void consentWhenDeclinedThenAccessDeniedBackToTheClient() {
        String url = answerConsent(publicClient(), false);

        assertThat(queryOf(URI.create(url))).containsEntry("error", "access_denied").containsEntry("state", "st4te")
                .containsEntry("iss", "http://localhost:3002").doesNotContainKey("code");
    }

    @Test
    void tokenWhenTheRequestIsWrongThenTheRfc6749Errors() {
        client.post().uri("/api/auth/oauth2/token")
                .body(BodyInserters.fromFormData("grant_type", "password").with("client_id", publicClient()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("unsupported_grant_type");
        client.post().uri("/api/auth/oauth2/token")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                        "nobody:wrong".getBytes(StandardCharsets.UTF_8)))
                .body(BodyInserters.fromFormData("grant_type", "client_credentials"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth\"")
                .expectBody().jsonPath("$.error").isEqualTo("invalid_client");
        client.post().uri("/api/auth/oauth2/token")
                .body(BodyInserters.fromFormData("grant_type", "authorization_code").with("client_id", publicClient()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_request");
    }

    @Test
    void revokeThen200WhateverTheTokenOnceTheClientIsKnown() {
        client.post().uri("/api/auth/oauth2/revoke")
                .body(BodyInserters.fromFormData("token", "not a token").with("client_id", publicClient()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().isEmpty();
        client.post().uri("/api/auth/oauth2/revoke")
                .body(BodyInserters.fromFormData("token", "not a token").with("client_id", "nobody"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_client");
        client.post().uri("/api/auth/oauth2/revoke")
                .body(BodyInserters.fromFormData("client_id", publicClient()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_request");
    }

    @Test
    void introspectThenInactiveForAnythingNotOursAndOnlyForClientsWithASecret() {
        @SuppressWarnings("unchecked")
        Map<String, Object> service = register("""
                {"redirect_uris":["%s"],"token_endpoint_auth_method":"client_secret_post"}""".formatted(CALLBACK));

        client.post().uri("/api/auth/oauth2/introspect")
                .body(BodyInserters.fromFormData("token", "not.a.token").with("client_id",
                        (String) service.get("client_id")).with("client_secret", (String) service.get("client_secret")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"active\":false}", true);
        client.post().uri("/api/auth/oauth2/introspect")
                .body(BodyInserters.fromFormData("token", "not.a.token").with("client_id", publicClient()))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_client");
    }

    @Test
    void userinfoWithoutAValidAccessTokenThenInvalidTokenWithItsChallenge() {
        client.get().uri("/api/auth/oauth2/userinfo")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\".*")
                .expectBody().jsonPath("$.error").isEqualTo("invalid_token");
        client.get().uri("/api/auth/oauth2/userinfo")
                .header(HttpHeaders.AUTHORIZATION, "Bearer not.a.jwt")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_token");
    }
}
