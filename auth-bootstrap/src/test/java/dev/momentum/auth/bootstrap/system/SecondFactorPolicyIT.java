package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * TWO_FACTOR_REQUIRED=admins on PostgreSQL with the session cache on: an administrator without a
 * second factor gets a session that can only enrol one (ADR-0049); once the factor is enabled,
 * every session of theirs, cached ones included, works again.
 */
class SecondFactorPolicyIT {

    private static final String PASSWORD = "an administrator's passphrase 1";

    static DatabaseUrl database;
    static RunningService service;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshDatabase();
        service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "ADMIN_EMAILS", "boss@example.com", "TWO_FACTOR_REQUIRED", "admins", "SESSION_CACHE_TTL", "30s"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void anAdministratorWithoutAFactorCanOnlyEnrolUntilOneIsEnabledOnEverySession() throws Exception {
        SignedIn ada = SignedIn.as(service, database, "ada@example.com", PASSWORD);
        SignedIn boss = SignedIn.as(service, database, "boss@example.com", PASSWORD);
        SignedIn bossOnPhone = SignedIn.in(service, "boss@example.com", PASSWORD);

        service.client().get().uri("/api/auth/token").header(HttpHeaders.AUTHORIZATION, "Bearer " + boss.bearer())
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("TWO_FACTOR_ENROLMENT_REQUIRED");
        service.client().get().uri("/api/auth/list-sessions").header(HttpHeaders.AUTHORIZATION, "Bearer " + boss.bearer())
                .exchange()
                .expectStatus().isForbidden();
        service.client().get().uri("/api/auth/get-session")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bossOnPhone.bearer())
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("set-auth-jwt")
                .expectBody().jsonPath("$.user.twoFactorEnabled").isEqualTo(false);
        assertThat(ada.jwt(service)).as("a user the policy does not name").isNotEmpty();

        String totpUri = (String) service.client().post().uri("/api/auth/two-factor/enable")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + boss.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("totpURI");
        String code = AuthenticatorApp.scanning(totpUri).code(0);
        service.client().post().uri("/api/auth/two-factor/verify-totp")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + boss.bearer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", code))
                .exchange()
                .expectStatus().isOk();

        assertThat(tokenStatusWithin(bossOnPhone, Duration.ofSeconds(10)))
                .as("the phone's cached session hears that the factor was enabled").isEqualTo(200);
    }

    /** The status of GET /token, asked until it is 200 or the time is up. */
    private static int tokenStatusWithin(SignedIn session, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        int status;
        do {
            status = service.client().get().uri("/api/auth/token")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + session.bearer())
                    .exchange().returnResult(String.class).getStatus().value();
            if (status != 200) {
                Thread.sleep(100);
            }
        } while (status != 200 && System.nanoTime() < deadline);
        return status;
    }
}
