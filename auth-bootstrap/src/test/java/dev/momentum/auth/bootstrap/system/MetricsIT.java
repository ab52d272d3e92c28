package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The Prometheus metrics (ADR-0033) of the running service on PostgreSQL, scraped from the
 * management port after a client has signed up, failed, signed in, been rate limited and asked
 * for a page that does not exist: each shows in the request histogram and the auth counters, and
 * the gauges read the database.
 */
class MetricsIT {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final String PASSWORD = "metered passphrase 1";

    static DatabaseUrl database;
    static RunningService service;
    static int managementPort = RunningService.freePort();

    @BeforeAll
    static void start() {
        database = TestPostgres.freshDatabase();
        service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "MANAGEMENT_PORT", String.valueOf(managementPort), "RATE_LIMIT_ENABLED", "true"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void scrapeWhenClientsHaveBeenServedThenRequestsEventsLimitsAndGaugesShow() throws Exception {
        WebTestClient http = service.client();
        String credentials = """
                {"name":"Ada","email":"ada@example.com","password":"%s"}""".formatted(PASSWORD);
        String wrong = """
                {"email":"ada@example.com","password":"not the passphrase"}""";
        post(http, "/sign-up/email", credentials).expectStatus().isOk();
        Rows.update(database, "UPDATE users SET email_verified = TRUE WHERE email = ?", "ada@example.com");
        post(http, "/sign-in/email", wrong).expectStatus().isUnauthorized();
        String cookie = post(http, "/sign-in/email", credentials).expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("Set-Cookie").split(";", 2)[0];
        post(http, "/sign-in/email", wrong).expectStatus().isUnauthorized();
        post(http, "/sign-in/email", wrong).expectStatus().isEqualTo(429);
        http.get().uri("/api/auth/get-session").header("Cookie", cookie).exchange().expectStatus().isOk();
        http.get().uri("/api/auth/get-session").header("Cookie", cookie).exchange().expectStatus().isOk();
        http.get().uri("/no/such/page").exchange().expectStatus().isNotFound();
        http.get().uri("/api/auth/jwks").exchange().expectStatus().isOk();
        http.get().uri("/api/auth/jwks").exchange().expectStatus().isOk();

        List<Sample> samples = scrapeUntilMailIsSent();

        assertThat(value(samples, "auth_events_total", "type", "SIGN_UP", "outcome", "success")).isEqualTo(1);
        assertThat(value(samples, "auth_events_total", "type", "SIGN_IN", "outcome", "success")).isEqualTo(1);
        assertThat(value(samples, "auth_events_total", "type", "SIGN_IN", "outcome", "failure")).isEqualTo(2);
        assertThat(value(samples, "auth_events_total", "type", "PASSWORD_RESET", "outcome", "failure"))
                .as("every series exists from the start").isZero();
        assertThat(value(samples, "auth_rate_limited_total")).isEqualTo(1);
        assertThat(value(samples, "http_server_requests_seconds_count", "method", "POST",
                "uri", "/api/auth/sign-in/email", "status", "401", "outcome", "CLIENT_ERROR")).isEqualTo(2);
        assertThat(value(samples, "http_server_requests_seconds_count", "method", "GET",
                "uri", "/api/auth/get-session", "status", "200")).isEqualTo(2);
        assertThat(value(samples, "http_server_requests_seconds_count", "method", "GET",
                "uri", "/api/auth/jwks", "status", "200")).as("the answer from memory too").isEqualTo(2);
        assertThat(value(samples, "auth_public_answers_from_memory_total")).isEqualTo(1);
        assertThat(value(samples, "http_server_requests_seconds_count", "uri", "UNMATCHED", "status", "404"))
                .isEqualTo(1);
        assertThat(value(samples, "http_server_requests_seconds_bucket", "uri", "/api/auth/get-session", "le", "+Inf"))
                .isEqualTo(2);
        assertThat(value(samples, "auth_session_lookups_total", "source", "database")).isEqualTo(1);
        assertThat(value(samples, "auth_session_lookups_total", "source", "memory")).isEqualTo(1);
        assertThat(value(samples, "auth_session_cache_listening")).isEqualTo(1);
        assertThat(samples).filteredOn(sample -> sample.name().equals("http_server_requests_seconds_bucket")
                && "/api/auth/sign-in/email".equals(sample.labels().get("uri")) && "401".equals(sample.labels().get("status")))
                .as("a histogram: a bucket per bound").hasSize(14);
        assertThat(value(samples, "auth_sessions_active")).isEqualTo(1);
        assertThat(value(samples, "auth_mail_outbox_pending")).isZero();
        assertThat(value(samples, "auth_mail_deliveries_total", "outcome", "sent")).isEqualTo(1);
        assertThat(value(samples, "auth_signing_key_age_seconds")).isBetween(0.0, 600.0);
        // eden alone is empty right after a young collection (one run in six saw 0): the old generation never is
        assertThat(value(samples, "jvm_memory_used_bytes", "area", "heap", "id", "G1 Old Gen")).isPositive();
        assertThat(samples).allSatisfy(sample -> assertThat(sample.labels()).containsEntry("application", "auth-service"));

        http.get().uri("/metrics").exchange().expectStatus().isNotFound();
        assertThat(metricsNamedIn("../docs/operations/grafana-dashboard.json", "\"expr\": \"[^\"]*"))
                .as("every metric the dashboard queries").isNotEmpty().allSatisfy(name -> assertScraped(samples, name));
        assertThat(metricsNamedIn("../docs/operations.md", "^\\| `[a-z_]+`"))
                .as("every metric docs/operations.md lists").hasSize(11).allSatisfy(name -> assertScraped(samples, name));
    }

    /** The metric names (words ending in _total, _seconds, _active, … or starting auth_) in the parts of a file the pattern finds. */
    private static Set<String> metricsNamedIn(String file, String parts) throws Exception {
        String text = Files.readString(Path.of(file));
        Set<String> names = new TreeSet<>();
        Matcher part = Pattern.compile(parts, Pattern.MULTILINE).matcher(text);
        while (part.find()) {
            Matcher name = Pattern.compile("\\b(auth_[a-z_]+|http_server_requests_seconds(?:_[a-z]+)?|jvm_[a-z_]+|process_[a-z_]+)\\b")
                    .matcher(part.group());
            while (name.find()) {
                names.add(name.group(1));
            }
        }
        return names;
    }

    private static void assertScraped(List<Sample> samples, String name) {
        assertThat(samples).as(name + " in the scrape").anyMatch(sample -> sample.name().equals(name)
                || sample.name().startsWith(name + "_"));
    }

    private static List<Sample> scrapeUntilMailIsSent() throws InterruptedException {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            String text = management.get().uri("/metrics").exchange().expectStatus().isOk()
                    .expectHeader().contentType("text/plain;version=0.0.4;charset=utf-8")
                    .expectBody(String.class).returnResult().getResponseBody();
            List<Sample> samples = parse(text);
            if (value(samples, "auth_mail_deliveries_total", "outcome", "sent") >= 1 || Instant.now().isAfter(deadline)) {
                return samples;
            }
            Thread.sleep(200);
        }
    }

    private static WebTestClient.ResponseSpec post(WebTestClient http, String path, String json) {
        return http.post().uri("/api/auth" + path).contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList()) {
            Matcher sample = SAMPLE.matcher(line);
            assertThat(sample.matches()).as("a sample line: " + line).isTrue();
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return samples;
    }

    /** The value of the one sample of that name whose labels include these (name, value, name, value, …). */
    static double value(List<Sample> samples, String name, String... labels) {
        List<Sample> matching = samples.stream().filter(sample -> sample.name().equals(name)).filter(sample -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        assertThat(matching).as(name + " " + String.join(",", labels)).hasSize(1);
        return matching.getFirst().value();
    }
}
