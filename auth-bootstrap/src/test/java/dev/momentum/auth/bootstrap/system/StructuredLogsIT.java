package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * LOG_FORMAT=json and request ids (ADR-0031), on the packaged jar run as an operator runs it: in
 * the test's own JVM, the tests' logging configuration would win over the format.
 */
class StructuredLogsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REQUEST_ID = "X-Request-Id";

    @Test
    void logFormatJsonThenEveryLineFromTheFirstIsJsonAndEveryAnswerCarriesARequestId(@TempDir Path data)
            throws Exception {
        int port = RunningService.freePort();
        Path stdout = data.resolve("stdout.log");
        var builder = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                Path.of("target", "auth-service.jar").toString())
                .redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(java.util.Map.of("PORT", String.valueOf(port), "AUTH_DATA_DIR",
                data.resolve("data").toString(), "LOG_FORMAT", "json", "FRONTEND_URL", RunningService.FRONTEND));
        Process service = builder.start();
        String base = "http://localhost:" + port;
        try {
            awaitHealthy(base);

            assertThat(send(base + "/api/auth/ok", "edge-42").headers().firstValue(REQUEST_ID)).contains("edge-42");
            assertThat(send(base + "/api/auth/ok", "forged line").headers().firstValue(REQUEST_ID))
                    .hasValueSatisfying(id -> assertThat(id).matches("[A-Za-z0-9]{12}-[0-9a-z]+"));
            var refused = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/sign-up/email"))
                    .header("Origin", "https://evil.example").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue(REQUEST_ID)).isPresent();
            var fromTheFrontend = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/ok"))
                    .header("Origin", RunningService.FRONTEND).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(fromTheFrontend.headers().firstValue("Access-Control-Expose-Headers"))
                    .hasValueSatisfying(exposed -> assertThat(exposed).containsIgnoringCase(REQUEST_ID));
        } finally {
            service.destroy();
            assertThat(service.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }

        List<String> lines = Files.readAllLines(stdout).stream().filter(line -> !line.isBlank()).toList();
        List<JsonNode> parsed = lines.stream().map(JSON::readTree).toList();
        assertThat(parsed).hasSizeGreaterThan(5).allSatisfy(line -> {
            assertThat(line.path("@timestamp").isString()).isTrue();
            assertThat(line.path("log").path("level").isString()).isTrue();
            assertThat(line.path("service").path("name").asString()).isEqualTo("auth-service");
        });
        assertThat(parsed.getFirst().path("message").asString()).as("the migration, before Spring starts")
                .contains("Migrating");
        assertThat(parsed).anySatisfy(line -> assertThat(line.path("message").asString()).contains("Netty started"));
    }

    private static HttpResponse<String> send(String url, String requestId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header(REQUEST_ID, requestId).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitHealthy(String base) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the jar did not become healthy within 60 s");
    }
}
