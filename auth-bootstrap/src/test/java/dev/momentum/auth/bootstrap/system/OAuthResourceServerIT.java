package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.client.ClientInformation;
import com.nimbusds.oauth2.sdk.client.ClientInformationResponse;
import com.nimbusds.oauth2.sdk.client.ClientMetadata;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationRequest;
import com.nimbusds.oauth2.sdk.client.ClientRegistrationResponse;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.momentum.auth.adapter.crypto.NimbusClientAssertions;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import dev.momentum.auth.application.testing.LoopbackCertificate;
import dev.momentum.auth.bootstrap.system.backend.AccessTokenResourceServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    /** Publishes a signing client's keys over https; the service trusts its certificate and may fetch from 127.0.0.1. */
    static HttpsServer keyServer;
    static final AtomicReference<JWKSet> publishedKeys = new AtomicReference<>(new JWKSet());
    static final AtomicInteger keyFetches = new AtomicInteger();
    static Map<String, String> trust;
    static ConfigurableApplicationContext backend;
    static WebTestClient backendClient;
    static AuthorizationServerMetadata metadata;
    static ClientInformation client;

    @BeforeAll
    static void start(@TempDir Path directory) throws Exception {
        LoopbackCertificate certificate = LoopbackCertificate.createIn(directory);
        keyServer = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        keyServer.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        keyServer.createContext("/jwks.json", exchange -> {
            keyFetches.incrementAndGet();
            byte[] body = publishedKeys.get().toString(true).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (var out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        keyServer.start();
        trust = Map.of("javax.net.ssl.trustStore", certificate.keyStore().toString(),
                "javax.net.ssl.trustStorePassword", certificate.password(), "javax.net.ssl.trustStoreType", "PKCS12");
        trust.forEach(System::setProperty);
        database = TestPostgres.freshDatabase();
        service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "OAUTH_RESOURCES", API + "," + OTHER, "OAUTH_SCOPES", "api:read",
                "OAUTH_DYNAMIC_REGISTRATION", "token", "OAUTH_REGISTRATION_TOKEN", REGISTRATION_TOKEN,
                "OAUTH_FETCH_ALLOWED_NETWORKS", "127.0.0.1"));
        backend = AccessTokenResourceServer.start(service.baseUrl(), API);
        backendClient = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + backend.getEnvironment().getProperty("local.server.port")).build();
        metadata = AuthorizationServerMetadata.resolve(new Issuer(service.baseUrl()));
        client = registered("Reporting service", ClientAuthenticationMethod.CLIENT_SECRET_BASIC, registration -> { });
    }

    /** A client-credentials client for api:read, registered with the initial access token. */
    static ClientInformation registered(String name, ClientAuthenticationMethod method,
                                        java.util.function.Consumer<ClientMetadata> keys) throws Exception {
        var registration = new ClientMetadata();
        registration.setName(name);
        registration.setGrantTypes(Set.of(GrantType.CLIENT_CREDENTIALS));
        registration.setTokenEndpointAuthMethod(method);
        registration.setScope(new Scope("api:read"));
        keys.accept(registration);
        ClientRegistrationResponse registered = ClientRegistrationResponse.parse(new ClientRegistrationRequest(
                metadata.getRegistrationEndpointURI(), registration, new BearerAccessToken(REGISTRATION_TOKEN))
                .toHTTPRequest().send());
        assertThat(registered.indicatesSuccess()).as(String.valueOf(registered)).isTrue();
        return ((ClientInformationResponse) registered).getClientInformation();
    }

    @AfterAll
    static void stop() {
        backend.close();
        service.close();
        keyServer.stop(0);
        trust.keySet().forEach(System::clearProperty);
    }

    static TokenResponse clientCredentials(ClientAuthentication authentication) throws Exception {
        return TokenResponse.parse(new TokenRequest.Builder(metadata.getTokenEndpointURI(), authentication,
                new ClientCredentialsGrant()).scope(new Scope("api:read")).resources(URI.create(API)).build()
                .toHTTPRequest().send());
    }

    static PrivateKeyJWT signedBy(ECKey key, ClientInformation signer) throws Exception {
        return new PrivateKeyJWT(signer.getID(), metadata.getTokenEndpointURI(), JWSAlgorithm.ES256,
                key.toECPrivateKey(), key.getKeyID(), null);
    }

    static String refusal(TokenResponse answer) {
        return answer.indicatesSuccess() ? "issued" : answer.toErrorResponse().getErrorObject().getCode();
    }

    /**
     * RFC 7523 {@code private_key_jwt} through Nimbus's client: assertions signed by a key given at
     * registration, then by one published at a {@code jwks_uri}; each assertion authenticates once.
     */
    @Test
    void aServiceSigningAssertionsWithItsOwnKeyGetsTokensAndEachAssertionWorksOnce() throws Exception {
        assertThat(metadata.getTokenEndpointAuthMethods()).contains(ClientAuthenticationMethod.PRIVATE_KEY_JWT);
        assertThat(metadata.getTokenEndpointJWSAlgs()).extracting(JWSAlgorithm::getName)
                .containsExactlyInAnyOrderElementsOf(NimbusClientAssertions.algorithms());
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("signer-1").generate();
        ClientInformation signer = registered("Signing service", ClientAuthenticationMethod.PRIVATE_KEY_JWT,
                registration -> registration.setJWKSet(new JWKSet(key.toPublicJWK())));
        assertThat(signer.getSecret()).isNull();
        PrivateKeyJWT assertion = signedBy(key, signer);

        TokenResponse issued = clientCredentials(assertion);
        assertThat(issued.indicatesSuccess()).as(String.valueOf(issued)).isTrue();
        assertThat(backendStatus(((AccessTokenResponse) issued).getTokens().getAccessToken().getValue())).isEqualTo(200);
        assertThat(refusal(clientCredentials(assertion))).as("the same assertion again").isEqualTo("invalid_client");
        assertThat(refusal(clientCredentials(signedBy(new ECKeyGenerator(Curve.P_256).keyID("signer-1").generate(),
                signer)))).as("signed by another key").isEqualTo("invalid_client");

        ECKey published = new ECKeyGenerator(Curve.P_256).keyID("published-1").generate();
        publishedKeys.set(new JWKSet(published));
        ClientInformation publisher = registered("Publishing service", ClientAuthenticationMethod.PRIVATE_KEY_JWT,
                registration -> registration.setJWKSetURI(URI.create("https://127.0.0.1:"
                        + keyServer.getAddress().getPort() + "/jwks.json")));
        assertThat(refusal(clientCredentials(signedBy(published, publisher)))).isEqualTo("issued");
        assertThat(keyFetches.get()).as("the keys were fetched from the jwks_uri").isEqualTo(1);
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
        backendClient.get().uri("/report").header(HttpHeaders.AUTHORIZATION, "Bearer " + forApi).exchange()
                .expectStatus().isForbidden()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge)
                        .startsWith("Bearer").contains("error=\"insufficient_scope\""));
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
