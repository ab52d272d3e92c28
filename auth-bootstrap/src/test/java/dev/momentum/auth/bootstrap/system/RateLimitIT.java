package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Rate limits as operators get them by default, on PostgreSQL, over HTTP: budgets per client
 * address and path that every instance shares, budgets per account that no change of address
 * escapes, and forwarding headers that count only when a trusted proxy wrote them.
 */
class RateLimitIT {

    @Test
    void theSignInBudgetIsSharedByInstancesAndTheRefusalSaysWhenToRetry() {
        DatabaseUrl database = TestPostgres.freshDatabase();
        try (RunningService a = limited(database); RunningService b = limited(database)) {
            assertThat(signIn(a, "nobody@example.com", null).getStatus().value()).isEqualTo(401);
            assertThat(signIn(b, "nobody@example.com", null).getStatus().value()).isEqualTo(401);
            assertThat(signIn(a, "nobody@example.com", null).getStatus().value()).isEqualTo(401);

            EntityExchangeResult<byte[]> refused = signIn(b, "nobody@example.com", null);

            assertThat(refused.getStatus().value()).isEqualTo(429);
            long retryAfter = Long.parseLong(refused.getResponseHeaders().getFirst("X-Retry-After"));
            assertThat(retryAfter).isBetween(1L, 10L);
            assertThat(refused.getResponseHeaders().getFirst("Retry-After")).isEqualTo(String.valueOf(retryAfter));
            assertThat(new String(refused.getResponseBodyContent()))
                    .contains("\"code\":\"TOO_MANY_REQUESTS\"", "\"message\":\"Too many requests. Please try again later.\"");
            // other paths have budgets of their own, and the health check has none
            assertThat(signUp(a, "ada@example.com")).isEqualTo(200);
            a.client().get().uri("/api/auth/get-session").exchange().expectStatus().isOk();
            for (int i = 0; i < 120; i++) {
                a.client().get().uri("/health").exchange().expectStatus().isOk();
            }
        }
    }

    @Test
    void aClientCannotEscapeItsBudgetByNamingAnotherAddressWithoutATrustedProxy() {
        try (RunningService service = limited(TestPostgres.freshDatabase())) {
            for (int i = 1; i <= 3; i++) {
                assertThat(signIn(service, "nobody@example.com", "198.51.100." + i).getStatus().value()).isEqualTo(401);
            }

            assertThat(signIn(service, "nobody@example.com", "198.51.100.4").getStatus().value()).isEqualTo(429);
        }
    }

    @Test
    void anAccountGetsTenAttemptsAMinuteWhicheverAddressesTheyComeFrom() {
        try (RunningService service = limited(TestPostgres.freshDatabase(), "TRUSTED_PROXIES", "127.0.0.1,::1")) {
            for (int i = 1; i <= 10; i++) {
                assertThat(signIn(service, "victim@example.com", "198.51.100." + i).getStatus().value())
                        .isEqualTo(401);
            }

            assertThat(signIn(service, "victim@example.com", "203.0.113.1").getStatus().value()).isEqualTo(429);
            assertThat(signIn(service, "someone-else@example.com", "203.0.113.1").getStatus().value()).isEqualTo(401);
        }
    }

    @Test
    void resetMailsAreLimitedToThreeAMinutePerClient() {
        try (RunningService service = limited(TestPostgres.freshDatabase())) {
            for (int i = 1; i <= 3; i++) {
                service.client().post().uri("/api/auth/request-password-reset").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"email\":\"user" + i + "@example.com\"}").exchange().expectStatus().isOk();
            }

            service.client().post().uri("/api/auth/request-password-reset").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"email\":\"user4@example.com\"}").exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().exists("X-Retry-After");
        }
    }

    @Test
    void openClientRegistrationIsLimitedToTenInTenMinutesPerClientAndTheRefusalRegistersNothing() throws Exception {
        DatabaseUrl database = TestPostgres.freshDatabase();
        try (RunningService service = limited(database)) {
            String client = """
                    {"redirect_uris":["http://127.0.0.1:8000/cb"],"token_endpoint_auth_method":"none"}""";
            for (int i = 1; i <= 10; i++) {
                service.client().post().uri("/api/auth/oauth2/register").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(client).exchange().expectStatus().isCreated();
            }

            service.client().post().uri("/api/auth/oauth2/register").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(client).exchange()
                    .expectStatus().isEqualTo(429)
                    .expectHeader().exists("Retry-After")
                    .expectBody().jsonPath("$.error").isEqualTo("temporarily_unavailable");
            assertThat(Rows.text(database, "SELECT count(*) FROM oauth_clients")).isEqualTo("10");
        }
    }

    private static RunningService limited(DatabaseUrl database, String... moreNamesAndValues) {
        Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "RATE_LIMIT_ENABLED", "true"));
        for (int i = 0; i < moreNamesAndValues.length; i += 2) {
            env.put(moreNamesAndValues[i], moreNamesAndValues[i + 1]);
        }
        return RunningService.start(env);
    }

    private static EntityExchangeResult<byte[]> signIn(RunningService service, String email, String forwardedFor) {
        return service.client().post().uri("/api/auth/sign-in/email")
                .contentType(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (forwardedFor != null) {
                        headers.set("X-Forwarded-For", forwardedFor);
                    }
                })
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"not-the-password\"}")
                .exchange().expectBody().returnResult();
    }

    private static int signUp(RunningService service, String email) {
        return service.client().post().uri("/api/auth/sign-up/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + email + "\",\"password\":\"a-long-password\",\"name\":\"Ada\"}")
                .exchange().expectBody().returnResult().getStatus().value();
    }
}
