package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The database failing under load. PostgreSQL stops and starts again: while it is gone every
 * request is answered 503 within a bounded time and /health says so; no sign-up that was answered
 * 200 is lost; and the service serves again within 5 s of the database accepting connections,
 * without a restart. Every connection of the pool is stuck on a lock: requests wait a bounded time
 * in a bounded queue, the rest are refused at once, and all are answered 503.
 */
class DatabaseOutageIT {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageIT.class);
    /** a pool acquire (2 s) plus a query timeout (5 s), with room for the scheduler of a 2-core machine */
    private static final Duration LONGEST_ANSWER = Duration.ofSeconds(8);
    private static final Duration RECOVERY = Duration.ofSeconds(5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static PostgreSQLContainer postgres;
    static DatabaseUrl database;
    static RunningService service;

    record Answer(String kind, String email, int status, String body, long sentAtNanos, long answeredAtNanos) {

        Duration took() {
            return Duration.ofNanos(answeredAtNanos - sentAtNanos);
        }
    }

    @BeforeAll
    static void start() {
        int hostPort = RunningService.freePort();
        String image = System.getenv().getOrDefault("TEST_POSTGRES_IMAGE", "postgres:16-alpine");
        postgres = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        new PortBinding(Ports.Binding.bindPort(hostPort), new ExposedPort(5432))));
        postgres.start();
        database = DatabaseUrl.parse("postgres://" + postgres.getUsername() + ":" + postgres.getPassword()
                + "@127.0.0.1:" + hostPort + "/" + postgres.getDatabaseName() + "?sslmode=disable");
        service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database)));
    }

    @AfterAll
    static void stop() {
        service.close();
        postgres.stop();
    }

    @Test
    void databaseStoppedUnderLoadThenBoundedServiceUnavailableNoLostWritesAndRecoveryWithinFiveSeconds()
            throws Exception {
        String bearer = SignedIn.as(service, database, "reader@example.com", "a-long-password").bearer();
        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        Queue<Answer> healthChecks = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        try (var load = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int worker = 0; worker < 4; worker++) {
                load.submit(() -> loop(running, () -> answers.add(signUp())));
            }
            for (int worker = 0; worker < 8; worker++) {
                load.submit(() -> loop(running, () -> answers.add(getSession(bearer))));
            }
            load.submit(() -> loop(running, () -> {
                healthChecks.add(send("health", null, HttpRequest.newBuilder(URI.create(service.baseUrl() + "/health"))));
                Thread.sleep(50);
            }));

            Thread.sleep(2_000);
            long stopped = System.nanoTime();
            postgres.getDockerClient().stopContainerCmd(postgres.getContainerId()).withTimeout(5).exec();
            Thread.sleep(4_000);
            var readyWhileDown = send("readyz", null, HttpRequest.newBuilder(URI.create(service.baseUrl() + "/readyz")));
            var aliveWhileDown = send("livez", null, HttpRequest.newBuilder(URI.create(service.baseUrl() + "/livez")));
            postgres.getDockerClient().startContainerCmd(postgres.getContainerId()).exec();
            long databaseBack = awaitDatabaseAcceptingConnections();
            Thread.sleep(RECOVERY.toMillis() + 3_000);
            running.set(false);

            assertThat(readyWhileDown.status()).as("not ready without its database").isEqualTo(503);
            assertThat(aliveWhileDown.status()).as("alive without its database: a restart would not help").isEqualTo(200);
            report(answers, healthChecks, stopped, databaseBack);
        }
    }

    @Test
    void everyConnectionStuckOnALockThenWaitingIsBoundedTheExcessIsShedAtOnceAndAllIsServedAfterTheLock()
            throws Exception {
        String bearer = SignedIn.as(service, database, "waiter@example.com", "a-long-password").bearer();
        List<Answer> answers;
        try (var locker = Rows.connect(database)) {
            locker.setAutoCommit(false);
            locker.createStatement().execute("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
            try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
                var calls = IntStream.range(0, 400).mapToObj(i -> clients.submit(() -> getSession(bearer))).toList();
                answers = new ArrayList<>();
                for (var call : calls) {
                    answers.add(call.get());
                }
            }
            locker.rollback();
        }

        assertThat(answers).as("answers other than a JSON 503").filteredOn(answer -> !(answer.status() == 503
                && answer.body().contains("\"code\":\"SERVICE_UNAVAILABLE\""))).isEmpty();
        assertThat(answers).as("answers slower than " + LONGEST_ANSWER)
                .filteredOn(answer -> answer.took().compareTo(LONGEST_ANSWER) >= 0).isEmpty();
        long shedAtOnce = answers.stream().filter(answer -> answer.took().toMillis() < 1_000).count();
        assertThat(shedAtOnce).as("refused without waiting, beyond the queue").isPositive();
        assertThat(getSession(bearer).status()).as("served once the lock is gone").isEqualTo(200);
        LOG.info("pool of 20 stuck on a lock, 400 concurrent get-sessions: all 400 answered 503, {} at once "
                        + "(under 1 s), slowest {} ms; the next request after the lock answered 200",
                shedAtOnce, answers.stream().mapToLong(answer -> answer.took().toMillis()).max().orElseThrow());
    }

    private void report(Queue<Answer> answers, Queue<Answer> healthChecks, long stopped, long databaseBack)
            throws Exception {
        assertThat(answers).as("answers other than 200 or a JSON 503").filteredOn(answer -> answer.status() != 200
                && !(answer.status() == 503 && answer.body().contains("\"code\":\"SERVICE_UNAVAILABLE\""))).isEmpty();
        assertThat(answers).as("answers slower than " + LONGEST_ANSWER)
                .filteredOn(answer -> answer.took().compareTo(LONGEST_ANSWER) >= 0).isEmpty();
        List<Answer> unavailable = answers.stream().filter(answer -> answer.status() == 503).toList();
        assertThat(unavailable).as("the outage was felt").isNotEmpty();
        assertThat(healthChecks).as("/health said the database was down")
                .anySatisfy(check -> assertThat(check.body()).contains("\"database\":\"down\""));

        long lastFailure = unavailable.stream().mapToLong(Answer::answeredAtNanos).max().orElseThrow();
        long firstServedAfter = answers.stream()
                .filter(answer -> answer.status() == 200 && answer.sentAtNanos() > lastFailure)
                .mapToLong(Answer::answeredAtNanos).min().orElseThrow();
        long healthyAgain = healthChecks.stream()
                .filter(check -> check.status() == 200 && check.sentAtNanos() > databaseBack)
                .mapToLong(Answer::answeredAtNanos).min().orElseThrow();
        Duration recovered = Duration.ofNanos(Math.max(lastFailure, healthyAgain) - databaseBack);
        assertThat(recovered).as("served again after the database returned").isLessThan(RECOVERY);
        assertThat(firstServedAfter).isGreaterThan(databaseBack);

        List<String> acknowledged = answers.stream()
                .filter(answer -> answer.kind().equals("sign-up") && answer.status() == 200)
                .map(Answer::email).toList();
        long stored = 0;
        for (String email : acknowledged) {
            stored += Rows.count(database, "SELECT COUNT(*) FROM users u JOIN accounts a ON a.user_id = u.id "
                    + "WHERE u.email = ?", email);
        }
        assertThat(stored).as("every acknowledged sign-up is stored, with its account").isEqualTo(acknowledged.size());

        LOG.info("database outage under load: {} requests ({} sign-ups acknowledged, all {} stored), {} answered 503 "
                        + "(slowest {} ms, first {} ms after the stop); served again {} ms after the database accepted "
                        + "connections; slowest answer of all {} ms",
                answers.size(), acknowledged.size(), stored, unavailable.size(),
                unavailable.stream().mapToLong(answer -> answer.took().toMillis()).max().orElseThrow(),
                (unavailable.stream().mapToLong(Answer::answeredAtNanos).min().orElseThrow() - stopped) / 1_000_000,
                recovered.toMillis(),
                answers.stream().mapToLong(answer -> answer.took().toMillis()).max().orElseThrow());
    }

    interface Step {
        void run() throws Exception;
    }

    private static Void loop(AtomicBoolean running, Step step) throws Exception {
        while (running.get()) {
            step.run();
        }
        return null;
    }

    private static long awaitDatabaseAcceptingConnections() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (var connection = Rows.connect(database)) {
                return System.nanoTime();
            } catch (java.sql.SQLException notYet) {
                Thread.sleep(20);
            }
        }
        throw new AssertionError("PostgreSQL did not come back within 60 s");
    }

    private static Answer signUp() {
        String email = "load-" + UUID.randomUUID() + "@example.com";
        return send("sign-up", email, HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/auth/sign-up/email"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name":"Load","email":"%s","password":"a-long-password"}""".formatted(email))));
    }

    private static Answer getSession(String bearer) {
        return send("get-session", null, HttpRequest.newBuilder(URI.create(service.baseUrl()
                + "/api/auth/get-session")).header("Authorization", "Bearer " + bearer));
    }

    private static Answer send(String kind, String email, HttpRequest.Builder request) {
        long sent = System.nanoTime();
        try {
            var response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(kind, email, response.statusCode(), response.body(), sent, System.nanoTime());
        } catch (java.io.IOException e) {
            return new Answer(kind, email, -1, e.toString(), sent, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(kind, email, -1, e.toString(), sent, System.nanoTime());
        }
    }
}
