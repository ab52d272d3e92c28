package dev.momentum.auth.adapter.web.operations;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.testing.TestAuthService;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

class StatusControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, StatusController.class);

    @Test
    void healthWhenTheDatabaseAnswersThenOkAndWhenNotThen503() {
        client.get().uri("/health").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"status\":\"ok\",\"database\":\"up\"}");

        auth.databaseReachable.set(false);

        client.get().uri("/health").exchange()
                .expectStatus().isEqualTo(503)
                .expectBody().json("{\"status\":\"unavailable\",\"database\":\"down\"}");
    }

    @Test
    void okThenBetterAuthsAnswer() {
        client.get().uri("/api/auth/ok").exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"ok\":true}");
    }
}
