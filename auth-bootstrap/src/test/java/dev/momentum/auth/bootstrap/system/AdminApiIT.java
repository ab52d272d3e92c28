package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The admin API (ADR-0034) of the running service on PostgreSQL, with tokens of its own: the
 * first administrator comes from ADMIN_EMAILS; disabling ends a user's sessions and refuses their
 * sign-in; every action is in the audit trail with its actor; and a missing, malformed, expired,
 * foreign-signed or non-admin token is refused, as is an administrator demoted after the token was made.
 */
class AdminApiIT {

    private static final String SECRET = "test-secret-0123456789-abcdefghijklmnop";
    private static final String PASSWORD = "administered passphrase 1";

    static DatabaseUrl database;
    static RunningService service;
    static SignedIn boss;
    static String bossId;

    @BeforeAll
    static void start() throws Exception {
        database = TestPostgres.freshDatabase();
        service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "AUTH_SECRET", SECRET, "ADMIN_EMAILS", "boss@example.com"));
        boss = SignedIn.as(service, database, "boss@example.com", PASSWORD);
        bossId = idOf("boss@example.com");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static String idOf(String email) throws Exception {
        return Rows.text(database, "SELECT id FROM users WHERE email = '" + email + "'");
    }

    static WebTestClient.ResponseSpec admin(String token, String method, String path, String json) {
        var request = service.client().method(HttpMethod.valueOf(method)).uri("/api/admin" + path);
        if (token != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return json == null ? request.exchange() : request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    static String body(WebTestClient.ResponseSpec response) {
        return response.expectBody(String.class).returnResult().getResponseBody();
    }

    static int signInStatus(String email) {
        return service.client().post().uri("/api/auth/sign-in/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").exchange()
                .returnResult(String.class).getStatus().value();
    }

    static boolean hasSession(SignedIn user) {
        String session = service.client().get().uri("/api/auth/get-session")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + user.bearer()).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return session != null && !session.equals("null");
    }

    @Test
    void usersWhenTheAdministratorDisablesEnablesAndEndsSessionsThenTheUserFeelsItAndTheTrailNamesTheActor()
            throws Exception {
        SignedIn ada = SignedIn.as(service, database, "ada@example.com", PASSWORD);
        String adaId = idOf("ada@example.com");
        String token = OurTokens.tokenFrom(service, boss.bearer());
        assertThat(OurTokens.payloadOf(token)).containsEntry("role", "admin");

        String page = body(admin(token, "GET", "/users?search=ADA@&limit=10", null).expectStatus().isOk());
        assertThat((Integer) JsonPath.read(page, "$.total")).isEqualTo(1);
        assertThat((String) JsonPath.read(page, "$.users[0].id")).isEqualTo(adaId);
        assertThat((String) JsonPath.read(page, "$.users[0].role")).isEqualTo("user");
        String bosses = body(admin(token, "GET", "/users?search=boss@&limit=10", null).expectStatus().isOk());
        assertThat((String) JsonPath.read(bosses, "$.users[0].role"))
                .as("an administrator by ADMIN_EMAILS is listed as one, as the token says").isEqualTo("admin");
        assertThat((String) JsonPath.read(body(admin(token, "GET", "/users/" + bossId, null).expectStatus().isOk()),
                "$.role")).isEqualTo("admin");

        admin(token, "POST", "/users/" + adaId + "/disable", "{\"reason\":\"account taken over\"}").expectStatus().isOk();
        assertThat(hasSession(ada)).as("disabling ends the sessions").isFalse();
        assertThat(signInStatus("ada@example.com")).isEqualTo(403);
        service.client().post().uri("/api/auth/sign-in/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"ada@example.com\",\"password\":\"" + PASSWORD + "\"}").exchange()
                .expectBody().jsonPath("$.code").isEqualTo("BANNED_USER");
        String disabled = body(admin(token, "GET", "/users/" + adaId, null).expectStatus().isOk());
        assertThat((Boolean) JsonPath.read(disabled, "$.disabled")).isTrue();
        assertThat((String) JsonPath.read(disabled, "$.disabledReason")).isEqualTo("account taken over");

        admin(token, "POST", "/users/" + adaId + "/enable", null).expectStatus().isOk();
        assertThat(signInStatus("ada@example.com")).isEqualTo(200);
        SignedIn again = SignedIn.as(service, database, "ada2@example.com", PASSWORD);
        String again2Id = idOf("ada2@example.com");
        admin(token, "DELETE", "/users/" + again2Id + "/sessions", null).expectStatus().isOk();
        assertThat(hasSession(again)).as("ending the sessions").isFalse();

        String first = body(admin(token, "GET", "/audit-events?userId=" + adaId + "&limit=2", null).expectStatus().isOk());
        List<String> firstTypes = JsonPath.read(first, "$.events[*].type");
        assertThat(firstTypes).containsExactly("SIGN_IN", "ACCOUNT_ENABLED");
        Number next = JsonPath.read(first, "$.nextBefore");
        String second = body(admin(token, "GET", "/audit-events?userId=" + adaId + "&limit=3&before=" + next, null)
                .expectStatus().isOk());
        assertThat((List<String>) JsonPath.read(second, "$.events[*].type"))
                .containsExactly("ADMIN_READ", "ACCOUNT_DISABLED", "SIGN_IN");
        assertThat((List<String>) JsonPath.read(second, "$.events[*].actorId")).containsExactly(bossId, bossId, null);
        String revocations = body(admin(token, "GET", "/audit-events?type=SESSION_REVOCATION&outcome=success", null)
                .expectStatus().isOk());
        assertThat((List<String>) JsonPath.read(revocations, "$.events[*].userId")).containsExactly(again2Id);
    }

    @Test
    void tokensWhenMissingMalformedExpiredForeignOrNotAnAdministratorsThenRefusedInJson() throws Exception {
        SignedIn eve = SignedIn.as(service, database, "eve@example.com", PASSWORD);
        String adminToken = OurTokens.tokenFrom(service, boss.bearer());
        String kid = OurTokens.kidOf(adminToken);
        ECKey ours = OurTokens.signingKeyOf(database, SECRET);
        ECKey foreign = new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        long anHourAgo = Instant.now().minusSeconds(3600).getEpochSecond();

        admin(null, "GET", "/users", null).expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED").jsonPath("$.message").exists();
        Map<String, String> refused = Map.of(
                "not a JWT", "not-a-jwt",
                "a session token", boss.bearer(),
                "expired", OurTokens.forged(adminToken, ours, kid, claims -> {
                    claims.put("iat", anHourAgo - 900);
                    claims.put("exp", anHourAgo);
                }),
                "signed by a foreign key", OurTokens.forged(adminToken, foreign, kid, claims -> { }),
                "another issuer", OurTokens.forged(adminToken, ours, kid, claims -> claims.put("iss", "https://evil.example")),
                "another audience", OurTokens.forged(adminToken, ours, kid, claims -> claims.put("aud", "https://other.example")));
        refused.forEach((what, token) -> admin(token, "GET", "/users", null).expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED"));
        // the forging itself is sound: unchanged claims under our key pass
        admin(OurTokens.forged(adminToken, ours, kid, claims -> { }), "GET", "/users", null).expectStatus().isOk();

        String eveToken = OurTokens.tokenFrom(service, eve.bearer());
        assertThat(OurTokens.payloadOf(eveToken)).containsEntry("role", "user");
        admin(eveToken, "GET", "/users", null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        // a genuine admin claim for a user who is not one: the live check refuses it
        admin(OurTokens.forged(eveToken, ours, kid, claims -> claims.put("role", "admin")), "GET", "/users", null)
                .expectStatus().isForbidden();

        String eveId = idOf("eve@example.com");
        admin(adminToken, "PUT", "/users/" + eveId + "/role", "{\"role\":\"admin\"}").expectStatus().isOk();
        String promoted = OurTokens.tokenFrom(service, eve.bearer());
        admin(promoted, "GET", "/users", null).expectStatus().isOk();
        admin(adminToken, "PUT", "/users/" + eveId + "/role", "{\"role\":\"user\"}").expectStatus().isOk();
        // demoted while the token lives
        admin(promoted, "GET", "/users", null).expectStatus().isForbidden();
    }

    @Test
    void administrationWhenDeletingRotatingOrAskingWrongThenDoneAudited() throws Exception {
        String token = OurTokens.tokenFrom(service, boss.bearer());
        SignedIn.as(service, database, "mallory@example.com", PASSWORD);
        String malloryId = idOf("mallory@example.com");

        admin(token, "DELETE", "/users/" + malloryId, null).expectStatus().isOk();
        admin(token, "GET", "/users/" + malloryId, null).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        admin(token, "POST", "/users/" + bossId + "/disable", "{}").expectStatus().isForbidden();
        admin(token, "GET", "/users?limit=0", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
        admin(token, "GET", "/audit-events?type=NO_SUCH_TYPE", null).expectStatus().isBadRequest();
        admin(token, "GET", "/audit-events?from=yesterday", null).expectStatus().isBadRequest();
        admin(token, "PUT", "/users/" + idOf("boss@example.com") + "/role", "{\"role\":\"root\"}").expectStatus().isBadRequest();

        String kid = JsonPath.read(body(admin(token, "POST", "/signing-keys/rotate", null).expectStatus().isOk()), "$.kid");
        String jwks = service.client().get().uri("/api/auth/jwks").exchange().expectBody(String.class).returnResult()
                .getResponseBody();
        assertThat((List<String>) JsonPath.read(jwks, "$.keys[*].kid")).contains(kid, OurTokens.kidOf(token));
        String fresh = OurTokens.tokenFrom(service, boss.bearer());
        assertThat(OurTokens.headerOf(fresh)).containsEntry("kid", kid);
        admin(fresh, "GET", "/users", null).expectStatus().isOk();
        // tokens of the old key stay valid until they expire
        admin(token, "GET", "/users", null).expectStatus().isOk();

        String trail = body(admin(fresh, "GET", "/audit-events?limit=50", null).expectStatus().isOk());
        List<Map<String, Object>> events = JsonPath.read(trail, "$.events[?(@.actorId == '" + bossId + "')]");
        assertThat(events).extracting(event -> event.get("type"))
                .contains("ACCOUNT_DELETION", "KEY_ROTATION");
        assertThat(events).filteredOn(event -> "ACCOUNT_DELETION".equals(event.get("type")))
                .singleElement().satisfies(event -> assertThat(event).containsEntry("userId", malloryId)
                        .containsEntry("email", "mallory@example.com"));
    }

    @Test
    void oauthClientsWhenTheAdministratorCreatesOneThenItGetsTokensUntilDisabledAndOnlyAnAdminTokenOpensIt()
            throws Exception {
        String token = OurTokens.tokenFrom(service, boss.bearer());
        String created = body(admin(token, "POST", "/oauth-clients", """
                {"client_name":"Nightly report","grant_types":["client_credentials"],
                 "token_endpoint_auth_method":"client_secret_post"}""").expectStatus().isCreated());
        String clientId = created.replaceAll(".*\"client_id\":\"([^\"]+)\".*", "$1");
        String secret = created.replaceAll(".*\"client_secret\":\"([^\"]+)\".*", "$1");
        var form = org.springframework.web.reactive.function.BodyInserters.fromFormData("grant_type",
                "client_credentials").with("client_id", clientId).with("client_secret", secret);

        service.client().post().uri("/api/auth/oauth2/token").body(form).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.access_token").isNotEmpty();
        admin(token, "POST", "/oauth-clients/" + clientId + "/disable", null).expectStatus().isOk();
        service.client().post().uri("/api/auth/oauth2/token").body(form).exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_client");

        admin(OurTokens.tokenFrom(service, SignedIn.as(service, database, "trudy@example.com", PASSWORD).bearer()),
                "GET", "/oauth-clients", null).expectStatus().isForbidden();
        admin(null, "GET", "/oauth-clients", null).expectStatus().isUnauthorized();
        assertThat(Rows.text(database, "SELECT count(*) FROM audit_events WHERE type = 'OAUTH_CLIENT_REGISTRATION'"
                + " AND actor_id = '" + bossId + "' AND detail LIKE '" + clientId + "%'")).isEqualTo("2");
    }

    @Test
    void oauthResourcesWhenTheAdministratorAddsOneThenTokensAreIssuedForItUntilItIsRemoved() throws Exception {
        String token = OurTokens.tokenFrom(service, boss.bearer());
        String created = body(admin(token, "POST", "/oauth-clients", """
                {"client_name":"Resource test","grant_types":["client_credentials"],
                 "token_endpoint_auth_method":"client_secret_post"}""").expectStatus().isCreated());
        var form = org.springframework.web.reactive.function.BodyInserters.fromFormData("grant_type",
                        "client_credentials")
                .with("client_id", created.replaceAll(".*\"client_id\":\"([^\"]+)\".*", "$1"))
                .with("client_secret", created.replaceAll(".*\"client_secret\":\"([^\"]+)\".*", "$1"))
                .with("resource", "https://reports.example.com/mcp");
        service.client().post().uri("/api/auth/oauth2/token").body(form).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_target");

        admin(token, "POST", "/oauth-resources", "{\"resource\":\"https://reports.example.com/mcp\"}")
                .expectStatus().isCreated();

        admin(token, "GET", "/oauth-resources", null).expectStatus().isOk().expectBody()
                .jsonPath("$[0].resource").isEqualTo("https://reports.example.com/mcp")
                .jsonPath("$[0].configured").isEqualTo(false);
        service.client().post().uri("/api/auth/oauth2/token").body(form).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.access_token").isNotEmpty();
        admin(token, "POST", "/oauth-resources", "{\"resource\":\"not a uri\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
        admin(token, "DELETE", "/oauth-resources?resource=https://reports.example.com/mcp", null)
                .expectStatus().isOk();
        service.client().post().uri("/api/auth/oauth2/token").body(form).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error").isEqualTo("invalid_target");
        assertThat(Rows.text(database, "SELECT count(*) FROM audit_events WHERE type = 'OAUTH_RESOURCE_CHANGE'"
                + " AND actor_id = '" + bossId + "'")).isEqualTo("2");
    }
}
