package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.jayway.jsonpath.JsonPath;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import dev.momentum.auth.bootstrap.system.backend.ResourceServerBackend;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances on one database rotate keys every few seconds (the production period is 30 days,
 * the mechanism is the same): one adds each successor, both sign with it from the same moment,
 * both publish it before, and tokens from before and after the rotation keep verifying.
 */
class JwtRotationIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    static List<String> publishedKids(RunningService instance) {
        return JsonPath.read(new String(instance.client().get().uri("/api/auth/jwks").exchange()
                .expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8), "$.keys[*].kid");
    }

    @Test
    void rotationWhenTwoInstancesShareADatabaseThenOneKeyPerGenerationPublishedBeforeUseAndOldTokensStillVerify()
            throws Exception {
        DatabaseUrl database = TestPostgres.freshDatabase();
        String[] rotation = {"JWT_KEY_ROTATION", "8s", "JWT_KEY_PUBLISH_LEAD", "3s", "JWT_KEY_REFRESH", "250ms"};
        try (RunningService a = RunningService.start(RunningService.onPostgresWithSmtp(database,
                ServerSetupTest.SMTP.getPort(), rotation))) {
            String[] sameIssuer = {"JWT_ISSUER", a.baseUrl(), "AUTH_BASE_URL", a.baseUrl()};
            String[] settingsOfB = java.util.stream.Stream.concat(java.util.Arrays.stream(rotation),
                    java.util.Arrays.stream(sameIssuer)).toArray(String[]::new);
            try (RunningService b = RunningService.start(RunningService.onPostgresWithSmtp(database,
                         ServerSetupTest.SMTP.getPort(), settingsOfB));
                 var backend = ResourceServerBackend.start(a.baseUrl(), a.baseUrl())) {
                var backendClient = WebTestClient.bindToServer()
                        .baseUrl("http://localhost:" + backend.getEnvironment().getProperty("local.server.port")).build();
                String bearer = JwtInteropIT.signedUpAndIn(a, SMTP, "rotating@example.com");
                String before = OurTokens.tokenFrom(a, bearer);
                String firstKid = OurTokens.kidOf(before);
                assertThat(OurTokens.kidOf(OurTokens.tokenFrom(b, bearer))).isEqualTo(firstKid);
                assertThat(status(backendClient, before)).isEqualTo(200);

                String after = null;
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (after == null && System.nanoTime() < deadline) {
                    for (RunningService instance : List.of(a, b)) {
                        String token = OurTokens.tokenFrom(instance, bearer);
                        if (!OurTokens.kidOf(token).equals(firstKid)) {
                            after = token;
                            RunningService other = instance == a ? b : a;
                            assertThat(publishedKids(other)).as("the other instance publishes it already")
                                    .contains(OurTokens.kidOf(token));
                            break;
                        }
                    }
                    Thread.sleep(50);
                }

                assertThat(after).as("a token signed with the successor within 30 s").isNotNull();
                assertThat(status(backendClient, after)).as("signed after the rotation").isEqualTo(200);
                assertThat(status(backendClient, before)).as("signed before the rotation").isEqualTo(200);
                NodeScripts.requireInstalled();
                var jose = NodeScripts.node("verify-jwt.mjs", 60, a.baseUrl() + "/api/auth/jwks", a.baseUrl(),
                        a.baseUrl(), before, after);
                assertThat(jose.output().lines()).as(jose.output()).hasSize(2)
                        .allSatisfy(line -> assertThat(line).startsWith("valid "));
                assertThat(publishedKids(a)).contains(firstKid, OurTokens.kidOf(after));
                assertThat(publishedKids(b)).contains(firstKid, OurTokens.kidOf(after));
                try (var connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                        database.password());
                     var rows = connection.createStatement().executeQuery(
                             "SELECT COUNT(*), MAX(generation), COUNT(DISTINCT generation) FROM signing_keys")) {
                    rows.next();
                    assertThat(rows.getInt(1)).as("one key per generation").isEqualTo(rows.getInt(2))
                            .isEqualTo(rows.getInt(3)).isGreaterThanOrEqualTo(2);
                }
            }
        }
    }

    private static int status(WebTestClient backend, String token) {
        return backend.get().uri("/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .returnResult(String.class).getStatus().value();
    }
}
