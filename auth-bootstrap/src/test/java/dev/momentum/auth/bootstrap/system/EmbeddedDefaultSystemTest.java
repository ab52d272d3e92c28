package dev.momentum.auth.bootstrap.system;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** With no DATABASE_URL the service runs on an embedded database kept on disk, which survives a restart. */
class EmbeddedDefaultSystemTest {

    @TempDir
    Path dataDirectory;

    @Test
    void startWhenNothingConfiguredThenEmbeddedDatabaseKeepsUsersAcrossRestarts() {
        Map<String, String> env = Map.of("AUTH_DATA_DIR", dataDirectory.toString());
        String signUp = "{\"name\":\"Ada\",\"email\":\"ada@example.com\",\"password\":\"correct horse battery\"}";

        try (RunningService first = RunningService.start(env)) {
            first.client().get().uri("/health").exchange().expectStatus().isOk()
                    .expectBody().json("{\"status\":\"ok\",\"database\":\"up\"}");
            first.client().post().uri("/api/auth/sign-up/email").header(HttpHeaders.ORIGIN, RunningService.FRONTEND)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(signUp).exchange().expectStatus().isOk();
        }

        try (RunningService second = RunningService.start(env)) {
            // the user is still there: the right password reaches the verification check
            second.client().post().uri("/api/auth/sign-in/email").header(HttpHeaders.ORIGIN, RunningService.FRONTEND)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"email\":\"ada@example.com\",\"password\":\"correct horse battery\"}")
                    .exchange().expectStatus().isForbidden()
                    .expectBody().jsonPath("$.code").isEqualTo("EMAIL_NOT_VERIFIED");
        }
    }
}
