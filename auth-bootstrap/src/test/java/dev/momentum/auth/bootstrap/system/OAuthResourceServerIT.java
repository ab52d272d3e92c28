package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import dev.momentum.auth.bootstrap.system.backend.AccessTokenResourceServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Resource servers as docs/oauth.md tells teams to write them, against access tokens of ours that a
 * service got by client credentials through Nimbus's OAuth SDK (discovery, RFC 7591 registration
 * with an initial access token, the token request): Spring's reactive resource server configured
 * with our issuer URI, its audience and the {@code at+jwt} type, and PyJWT as a Python MCP server
 * checks them. Each accepts a token for itself and refuses one for another resource and our session
 * JWTs.
 */
class OAuthResourceServerIT {

    private static final String API = "https://api.example.com";
    private static final String OTHER = "https://other.example.com/mcp";
    private static final String REGISTRATION_TOKEN = "an initial access token of at least 32 characters";

    static DatabaseUrl database;
    static RunningService service;
    static ConfigurableApplicationContext backend;
    static WebTestClient backendClient;
    static AuthorizationServerMetadata metadata;
    static ClientInformation client;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.freshDatabase();
        service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "OAUTH_RESOURCES", API + "," + OTHER, "OAUTH_SCOPES", "api:read",
                "OAUTH_DYNAMIC_REGISTRATION", "token", "OAUTH_REGISTRATION_TOKEN", REGISTRATION_TOKEN));
        backend = AccessTokenResourceServer.start(service.baseUrl(), API);
        backendClient = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + backend.getEnvironment().getProperty("local.server.port")).build();
        metadata = AuthorizationServerMetadata.resolve(new Issuer(service.baseUrl()));
        var registration = new ClientMetadata();
        registration.setName("Reporting service");
        registration.setGrantTypes(Set.of(GrantType.CLIENT_CREDENTIALS));
        registration.setTokenEndpointAuthMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        registration.setScope(new Scope("api:read"));
        ClientRegistrationResponse registered = ClientRegistrationResponse.parse(new ClientRegistrationRequest(
                metadata.getRegistrationEndpointURI(), registration, new BearerAccessToken(REGISTRATION_TOKEN))
                .toHTTPRequest().send());
        assertThat(registered.indicatesSuccess()).as(String.valueOf(registered)).isTrue();
        client = ((ClientInformationResponse) registered).getClientInformation();
    }

    @AfterAll
    static void stop() {
        backend.close();
        service.close();
    }

    static String accessTokenFor(String resource) throws Exception {
        TokenResponse answer = TokenResponse.parse(new TokenRequest.Builder(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(client.getID(), client.getSecret()), new ClientCredentialsGrant())
                .scope(new Scope("api:read")).resources(URI.create(resource)).build().toHTTPRequest().send());
        assertThat(answer.indicatesSuccess()).as(String.valueOf(answer)).isTrue();
        return ((AccessTokenResponse) answer).getTokens().getAccessToken().getValue();
    }

    static int backendStatus(String token) {
        return backendClient.get().uri("/tool").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .returnResult(String.class).getStatus().value();
    }

    @Test
    void springsResourceServerAcceptsATokenForItsResourceAndRefusesOthersAndSessionJwts() throws Exception {
        String forApi = accessTokenFor(API);

        var answer = backendClient.get().uri("/tool").header(HttpHeaders.AUTHORIZATION, "Bearer " + forApi)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(answer).containsEntry("sub", client.getID().getValue())
                .containsEntry("client_id", client.getID().getValue()).containsEntry("scope", "api:read");
        assertThat(backendStatus(accessTokenFor(OTHER))).as("a token for another resource").isEqualTo(401);
        String sessionJwt = SignedIn.as(service, database, "ada@example.com", "a resource server's user 1").jwt(service);
        assertThat(backendStatus(sessionJwt)).as("a session JWT is no access token").isEqualTo(401);
    }

    @Test
    void pyJwtAsAPythonMcpServerChecksAcceptsOnlyAccessTokensForItsResource() throws Exception {
        String jwks = metadata.getJWKSetURI().toString();
        String forApi = accessTokenFor(API);
        String sessionJwt = SignedIn.as(service, database, "grace@example.com", "a resource server's user 2")
                .jwt(service);

        List<String> verdicts = BetterAuthImportIT.python("--access-token", jwks, service.baseUrl(), API, forApi,
                accessTokenFor(OTHER), sessionJwt);

        assertThat(verdicts).containsExactly("valid " + client.getID().getValue(), "invalid InvalidAudienceError",
                "invalid InvalidTokenError");
    }
}
