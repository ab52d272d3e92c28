package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import dev.momentum.auth.adapter.web.filter.PublicResponseCache;
import dev.momentum.auth.bootstrap.system.backend.ResourceServerBackend;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Our JWTs as backends check them, with their own standard libraries and no code of ours: a
 * Spring WebFlux resource server configured only with our issuer URL, and Node's jose with
 * {@code createRemoteJWKSet}. Bad tokens are forged with our real signing key (read from the
 * database and opened with the test secret) or with none.
 */
class JwtInteropIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(false);

    static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";
    static final String PASSWORD = "correct horse battery staple";
    static DatabaseUrl database;
    static RunningService service;
    static ConfigurableApplicationContext backend;
    static WebTestClient backendClient;
    static String bearer;
    static String issuer;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.freshDatabase();
        service = RunningService.start(RunningService.onPostgresWithSmtp(database, ServerSetupTest.SMTP.getPort()));
        issuer = service.baseUrl();
        bearer = signedUpAndIn(service, SMTP, "ada@example.com");
        backend = ResourceServerBackend.start(issuer, issuer);
        backendClient = WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + backend.getEnvironment().getProperty("local.server.port")).build();
    }

    @AfterAll
    static void stop() {
        backend.close();
        service.close();
    }

    static String signedUpAndIn(RunningService at, GreenMailExtension smtp, String email) throws Exception {
        WebTestClient http = at.client();
        http.post().uri("/api/auth/sign-up/email").header(HttpHeaders.ORIGIN, RunningService.FRONTEND)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"name":"Ada","email":"%s","password":"%s"}""".formatted(email, PASSWORD))
                .exchange().expectStatus().isOk();
        http.get().uri(URI.create(Mailbox.awaitVerificationLink(smtp, email, 1))).exchange();
        return http.post().uri("/api/auth/sign-in/email").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"email":"%s","password":"%s"}""".formatted(email, PASSWORD))
                .exchange().expectStatus().isOk().returnResult(Void.class).getResponseHeaders()
                .getFirst("set-auth-token");
    }

    static int backendStatus(String token) {
        return backendClient.get().uri("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .returnResult(String.class).getStatus().value();
    }

    static ECKey ourSigningKey() throws Exception {
        return OurTokens.signingKeyOf(database, SECRET);
    }

    static String forged(ECKey key, String kid, Consumer<Map<String, Object>> change) throws Exception {
        return OurTokens.forged(OurTokens.tokenFrom(service, bearer), key, kid, change);
    }

    @Test
    void tokenThenStandardHeaderAndClaimsWithBetterAuthsUserFields() {
        String token = OurTokens.tokenFrom(service, bearer);
        Map<String, Object> header = JsonPath.read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                StandardCharsets.UTF_8), "$");
        Map<String, Object> claims = OurTokens.payloadOf(token);

        assertThat(header).containsEntry("alg", "ES256").containsKey("kid");
        assertThat(claims).containsEntry("iss", issuer).containsEntry("aud", issuer)
                .containsEntry("email", "ada@example.com").containsEntry("emailVerified", true)
                .containsEntry("email_verified", true).containsEntry("name", "Ada")
                .containsKeys("sub", "jti", "id", "createdAt", "updatedAt");
        assertThat(claims.get("sub")).isEqualTo(claims.get("id"));
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue()).isEqualTo(900);
        assertThat(OurTokens.tokenFrom(service, bearer)).as("the same session's token, handed out again within JWT_REUSE_WINDOW")
                .isEqualTo(token);
    }

    @Test
    void tokenWithoutSessionThenUnauthorized() {
        service.client().get().uri("/api/auth/token").exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
    }

    @Test
    void getSessionThenSetAuthJwtHeaderCarriesATokenTheBackendAccepts() {
        String jwt = service.client().get().uri("/api/auth/get-session")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).exchange().expectStatus().isOk()
                .returnResult(Void.class).getResponseHeaders().getFirst("set-auth-jwt");

        assertThat(backendStatus(jwt)).isEqualTo(200);
    }

    @Test
    void discoveryAndJwksThenWhatVerifiersReadWithCacheHeaders() {
        for (String path : List.of("/.well-known/openid-configuration", "/.well-known/oauth-authorization-server")) {
            service.client().get().uri(path).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.issuer").isEqualTo(issuer)
                    .jsonPath("$.jwks_uri").isEqualTo(issuer + "/api/auth/jwks")
                    .jsonPath("$.id_token_signing_alg_values_supported[0]").isEqualTo("ES256");
        }
        service.client().get().uri("/api/auth/jwks").exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=300, public")
                .expectBody()
                .jsonPath("$.keys[0].kty").isEqualTo("EC")
                .jsonPath("$.keys[0].crv").isEqualTo("P-256")
                .jsonPath("$.keys[0].alg").isEqualTo("ES256")
                .jsonPath("$.keys[0].use").isEqualTo("sig")
                .jsonPath("$.keys[0].kid").exists()
                .jsonPath("$.keys[0].d").doesNotExist();
    }

    /** The answers kept for a second (ADR-0039) are the filter chain's, headers and all, under a new request id. */
    @Test
    void jwksAndDiscoveryAgainThenTheSameAnswerAsTheFilterChainGave() {
        for (String path : List.of("/api/auth/jwks", "/.well-known/openid-configuration")) {
            // an Accept of its own: the first answer is made by the chain, whatever other tests asked
            var first = getWithOwnAccept(path);
            var again = getWithOwnAccept(path);

            assertThat(again.getResponseBody()).isEqualTo(first.getResponseBody());
            assertThat(withoutRequestId(again.getResponseHeaders())).isEqualTo(withoutRequestId(first.getResponseHeaders()))
                    .containsKeys("Content-Security-Policy", "X-Content-Type-Options");
            assertThat(again.getResponseHeaders().getFirst("X-Request-Id"))
                    .isNotBlank().isNotEqualTo(first.getResponseHeaders().getFirst("X-Request-Id"));
        }
    }

    private EntityExchangeResult<byte[]> getWithOwnAccept(String path) {
        return service.client().get().uri(path).header(HttpHeaders.ACCEPT, "application/json;q=0.9").exchange()
                .expectStatus().isOk().expectBody().returnResult();
    }

    private static Map<String, List<String>> withoutRequestId(HttpHeaders headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach(copy::put);
        copy.remove("X-Request-Id");
        return copy;
    }

    /** An answer from memory skips the filter chain: every filter must say what becomes of it then (ADR-0039). */
    @Test
    void everyFilterOfTheRunningServiceIsAccountedForByTheAnswersFromMemory() {
        var filters = service.context().getBeansOfType(org.springframework.web.server.WebFilter.class).values();

        assertThat(filters).extracting(filter -> filter.getClass().getSimpleName())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(PublicResponseCache.FILTERS_ACCOUNTED_FOR)
                        .as("what an answer from memory does instead of " + name).containsKey(name));
    }

    @Test
    void springResourceServerWithOnlyOurIssuerUrlAcceptsOurTokensAndRejectsEveryBadOne() throws Exception {
        String token = OurTokens.tokenFrom(service, bearer);
        backendClient.get().uri("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.email").isEqualTo("ada@example.com");

        badTokens().forEach((name, bad) -> assertThat(backendStatus(bad)).as(name).isEqualTo(401));
    }

    @Test
    void nodeJoseWithCreateRemoteJwkSetVerifiesOurTokensAndRejectsEveryBadOne() throws Exception {
        NodeScripts.requireInstalled();
        String token = OurTokens.tokenFrom(service, bearer);
        Map<String, String> bad = badTokens();
        List<String> arguments = new java.util.ArrayList<>(List.of(issuer + "/api/auth/jwks", issuer, issuer, token));
        arguments.addAll(bad.values());

        var verified = NodeScripts.node("verify-jwt.mjs", 60, arguments.toArray(String[]::new));

        List<String> lines = verified.output().lines().toList();
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(lines).hasSize(1 + bad.size());
        assertThat(lines.getFirst()).isEqualTo("valid " + OurTokens.payloadOf(token).get("sub"));
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).startsWith("invalid "));
    }

    @Test
    void otherAlgorithmsThenJoseVerifiesEdDsaAndRs256AndSpringRs256() throws Exception {
        NodeScripts.requireInstalled();
        for (String algorithm : List.of("EdDSA", "RS256")) {
            try (RunningService other = RunningService.start(RunningService.onPostgresWithSmtp(
                    TestPostgres.freshDatabase(), ServerSetupTest.SMTP.getPort(), "JWT_ALGORITHM", algorithm))) {
                String token = OurTokens.tokenFrom(other, signedUpAndIn(other, SMTP, algorithm.toLowerCase() + "@example.com"));
                Map<String, Object> header = JsonPath.read(new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]),
                        StandardCharsets.UTF_8), "$");
                assertThat(header).containsEntry("alg", algorithm);
                var jose = NodeScripts.node("verify-jwt.mjs", 60, other.baseUrl() + "/api/auth/jwks", other.baseUrl(),
                        other.baseUrl(), token, token.substring(0, token.length() - 4) + "AAAA");
                assertThat(jose.output().lines().toList()).as(algorithm + ": " + jose.output())
                        .containsExactly("valid " + OurTokens.payloadOf(token).get("sub"), "invalid ERR_JWS_SIGNATURE_VERIFICATION_FAILED");
                if (algorithm.equals("RS256")) {
                    try (var rsaBackend = ResourceServerBackend.start(other.baseUrl(), other.baseUrl())) {
                        WebTestClient.bindToServer()
                                .baseUrl("http://localhost:" + rsaBackend.getEnvironment().getProperty("local.server.port"))
                                .build().get().uri("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                                .exchange().expectStatus().isOk();
                    }
                }
            }
        }
    }

    private static Map<String, String> badTokens() throws Exception {
        String token = OurTokens.tokenFrom(service, bearer);
        ECKey ours = ourSigningKey();
        String kid = ours.getKeyID();
        String[] parts = token.split("\\.");
        String unsignedHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("tampered", parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("ada@example.com", "eve@example.com").getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        bad.put("expired", forged(ours, kid, claims -> {
            long past = Instant.now().minus(Duration.ofHours(1)).getEpochSecond();
            claims.put("iat", past - 900);
            claims.put("exp", past);
        }));
        bad.put("wrong audience", forged(ours, kid, claims -> claims.put("aud", "https://other.example.com")));
        bad.put("wrong issuer", forged(ours, kid, claims -> claims.put("iss", "https://evil.example.com")));
        bad.put("alg none", unsignedHeader + "." + parts[1] + ".");
        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        bad.put("foreign key", forged(foreign, kid, claims -> { }));
        bad.put("foreign key, unknown kid", forged(foreign, "not-ours", claims -> { }));
        return bad;
    }
}
