package dev.momentum.auth.bootstrap.system;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Liveness and readiness (ADR-0030) of the service on PostgreSQL: ready only while the database
 * answers and holds this build's schema; alive regardless; on a separate management port when
 * MANAGEMENT_PORT is set. The database outage is in {@link DatabaseOutageIT}.
 */
class HealthProbesIT {

    static DatabaseUrl database;
    static RunningService service;
    static int managementPort = RunningService.freePort();

    @BeforeAll
    static void start() {
        database = TestPostgres.freshDatabase();
        service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "MANAGEMENT_PORT", String.valueOf(managementPort)));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void probesWhenDatabaseAndSchemaAreCurrentThenAliveAndReadyWithEachComponent() {
        WebTestClient http = service.client();

        http.get().uri("/livez").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/readyz").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.database.status").isEqualTo("UP")
                .jsonPath("$.components.schema.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP");
    }

    @Test
    void readinessWhenThisBuildsMigrationsAreNotRecordedThenOutOfTrafficWhileStillAlive() throws Exception {
        WebTestClient http = service.client();
        String recorded = Rows.text(database, "SELECT string_agg(fingerprint, ',') FROM schema_fingerprints");
        try {
            Rows.update(database, "DELETE FROM schema_fingerprints");

            http.get().uri("/readyz").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.status").isEqualTo("DOWN")
                    .jsonPath("$.components.schema.status").isEqualTo("DOWN")
                    .jsonPath("$.components.database.status").isEqualTo("UP");
            http.get().uri("/livez").exchange().expectStatus().isOk();
            http.get().uri("/health").exchange().expectStatus().isOk();
        } finally {
            for (String fingerprint : recorded.split(",")) {
                Rows.update(database, "INSERT INTO schema_fingerprints (fingerprint, recorded_at) "
                        + "VALUES (?, CURRENT_TIMESTAMP)", fingerprint);
            }
        }
        http.get().uri("/readyz").exchange().expectStatus().isOk();
    }

    @Test
    void managementPortWhenSetThenItServesTheProbesAndNothingElse() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();

        management.get().uri("/readyz").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.schema.status").isEqualTo("UP");
        management.get().uri("/livez").exchange().expectStatus().isOk();
        management.get().uri("/api/auth/ok").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        service.client().get().uri("/readyz").exchange().expectStatus().isOk();
    }
}
