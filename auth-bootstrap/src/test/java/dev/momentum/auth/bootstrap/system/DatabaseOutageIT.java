package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** PostgreSQL stops under the running service and starts again: 503s while it is gone, recovery without help. */
class DatabaseOutageIT {

    static PostgreSQLContainer postgres;
    static RunningService service;
    static WebTestClient http;

    @BeforeAll
    static void start() throws Exception {
        int hostPort = RunningService.freePort();
        String image = System.getenv().getOrDefault("TEST_POSTGRES_IMAGE", "postgres:16-alpine");
        postgres = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(5432))));
        postgres.start();
        service = RunningService.start(Map.of("DATABASE_URL", "postgres://" + postgres.getUsername() + ":"
                + postgres.getPassword() + "@127.0.0.1:" + hostPort + "/" + postgres.getDatabaseName()
                + "?sslmode=disable"));
        http = service.client();
    }

    @AfterAll
    static void stop() {
        service.close();
        postgres.stop();
    }

    static WebTestClient.ResponseSpec signIn() {
        return http.post().uri("/api/auth/sign-in/email").header(HttpHeaders.ORIGIN, RunningService.FRONTEND)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"nobody@example.com\",\"password\":\"whatever123\"}").exchange();
    }

    @Test
    void requestsWhenDatabaseStopsThenFastServiceUnavailableAndRecoveryWithoutRestart() throws Exception {
        http.get().uri("/health").exchange().expectStatus().isOk();
        signIn().expectStatus().isUnauthorized();

        postgres.getDockerClient().stopContainerCmd(postgres.getContainerId()).withTimeout(5).exec();

        long started = System.nanoTime();
        signIn().expectStatus().isEqualTo(503)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
        Duration failedAfter = Duration.ofNanos(System.nanoTime() - started);
        http.get().uri("/health").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.database").isEqualTo("down");
        assertThat(failedAfter).as("a request fails fast, not after a client timeout").isLessThan(Duration.ofSeconds(8));

        postgres.getDockerClient().startContainerCmd(postgres.getContainerId()).exec();
        long restarted = System.nanoTime();
        boolean healthy = false;
        while (!healthy && System.nanoTime() - restarted < Duration.ofSeconds(60).toNanos()) {
            healthy = http.get().uri("/health").exchange().returnResult(Void.class).getStatus().value() == 200;
            if (!healthy) {
                Thread.sleep(100);
            }
        }
        assertThat(healthy).as("healthy again after the database returned").isTrue();
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                "database outage: first 503 after {0} ms, healthy {1} ms after the database container started",
                failedAfter.toMillis(), Duration.ofNanos(System.nanoTime() - restarted).toMillis());
        signIn().expectStatus().isUnauthorized();
    }
}
