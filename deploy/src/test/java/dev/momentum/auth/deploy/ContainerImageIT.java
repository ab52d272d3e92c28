package dev.momentum.auth.deploy;

import static dev.momentum.auth.deploy.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The deployment checklist, each item a check that can fail, on a real Docker engine. The service
 * containers run as operators should run them: read-only root, tmpfs /tmp, no capabilities.
 */
class ContainerImageIT {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerImageIT.class);
    static final String SECRET = "k3Rq8ZtWm2Yx7Lb0Nc5Vd9Hf4Jg6Ps1Q";
    static final String POSTGRES_IMAGE = System.getenv().getOrDefault("TEST_POSTGRES_IMAGE", "postgres:16-alpine");
    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    static PostgreSQLContainer postgres;
    final List<String> containers = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void buildImageAndStartDatabase() {
        ServiceImage.build();
        postgres = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE).asCompatibleSubstituteFor("postgres"));
        postgres.start();
    }

    @AfterAll
    static void stopDatabase() {
        postgres.stop();
    }

    @AfterEach
    void removeContainers() {
        containers.forEach(name -> docker("rm", "-f", "-v", name));
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String databaseUrl(int port, String database) {
        return databaseUrl(port, database, "disable");
    }

    static String databaseUrl(int port, String database, String sslMode) {
        return "postgres://" + postgres.getUsername() + ":" + postgres.getPassword() + "@127.0.0.1:" + port + "/" + database
                + "?sslmode=" + sslMode;
    }

    Map<String, String> productionEnvironment(int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("APP_ENV", "production");
        env.put("PORT", String.valueOf(port));
        env.put("AUTH_BASE_URL", "http://localhost:" + port);
        env.put("AUTH_SECRET", SECRET);
        env.put("DATABASE_URL", databaseUrl(postgres.getMappedPort(5432), postgres.getDatabaseName()));
        env.put("MAIL_PROVIDER", "smtp");
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(SMTP_PORT));
        env.put("FRONTEND_URL", "http://localhost:3000");
        return env;
    }

    /** docker run as the deploy README says: read-only root, tmpfs /tmp, no capabilities. */
    String runService(String name, Map<String, String> environment, String... command) {
        return runService(List.of(), name, environment, command);
    }

    String runService(List<String> dockerOptions, String name, Map<String, String> environment, String... command) {
        List<String> arguments = new ArrayList<>(List.of("run", "-d", "--name", name, "--network", "host",
                "--read-only", "--cap-drop", "ALL", "--security-opt", "no-new-privileges"));
        if (!dockerOptions.contains("--tmpfs")) {
            arguments.addAll(List.of("--tmpfs", "/tmp:noexec,mode=1777"));
        }
        arguments.addAll(dockerOptions);
        environment.forEach((key, value) -> arguments.addAll(List.of("-e", key + "=" + value)));
        arguments.add(ServiceImage.TAG);
        arguments.addAll(List.of(command));
        containers.add(name);
        docker(arguments.toArray(String[]::new)).orFail("docker run " + name);
        return name;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder postJson(int port, String path, String json) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth" + path))
                .header("Content-Type", "application/json").header("Origin", "http://localhost:3000")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    @Test
    void imageIsConfiguredAsDocumentedAndItsHistoryHoldsNoSecret() {
        assertThat(Docker.inspect(ServiceImage.TAG, "{{.Config.User}}")).isEqualTo("1001:1001");
        assertThat(Docker.inspect(ServiceImage.TAG, "{{json .Config.Healthcheck.Test}}")).contains("/app/healthcheck.sh");
        assertThat(Docker.inspect(ServiceImage.TAG, "{{json .Config.ExposedPorts}}")).contains("3002/tcp");
        assertThat(Docker.inspect(ServiceImage.TAG, "{{json .Config.Labels}}"))
                .contains("org.opencontainers.image.title", "org.opencontainers.image.version");
        assertThat(Docker.inspect(ServiceImage.TAG, "{{json .Config.Env}}"))
                .doesNotContainPattern("(?i)(SECRET|PASSWORD|API_KEY|TOKEN)=");
        String history = docker("history", "--no-trunc", "--format", "{{.CreatedBy}}", ServiceImage.TAG)
                .orFail("docker history").output();
        assertThat(history).doesNotContainPattern("(?i)(SECRET|PASSWORD|API_KEY)=\\S").doesNotContain(SECRET);
    }

    @Test
    void imageFilesystemHoldsOnlyWhatRunsAndNoSecret() throws Exception {
        String created = docker("create", ServiceImage.TAG).orFail("docker create").trimmed();
        containers.add(created);
        Path tar = Files.createTempFile("image", ".tar");
        docker("export", "-o", tar.toString(), created).orFail("docker export");
        var listing = Docker.run(List.of("tar", "-tf", tar.toString()), Map.of(), null, Duration.ofMinutes(2))
                .orFail("tar").output().lines().toList();
        Files.delete(tar);

        assertThat(listing).contains("app/auth-service.jar", "app/auth-service.aot", "opt/java/bin/java");
        assertThat(listing).noneMatch(path -> path.endsWith(".env") || path.endsWith("dev-secret")
                || path.endsWith(".pem") || path.endsWith(".key") || path.contains("id_rsa"));
        assertThat(listing).as("no build tools or caches")
                .noneMatch(path -> path.startsWith("m2/") || path.startsWith("root/.m2") || path.startsWith("src/")
                        || path.equals("opt/java/bin/javac") || path.startsWith("usr/share/maven")
                        || path.startsWith("var/lib/apt/lists/") && path.length() > "var/lib/apt/lists/".length() + 8);
        assertThat(listing).as("no package manager or tools beyond the two shells the scripts need")
                .filteredOn(path -> path.startsWith("bin/") || path.startsWith("usr/bin/") || path.startsWith("sbin/"))
                .containsExactlyInAnyOrder("bin/", "bin/sh", "bin/bash");
    }

    @Test
    void serviceBecomesHealthyMigratesAndServesSignUpThroughSignIn() throws Exception {
        int port = freePort();
        long started = System.nanoTime();
        String name = runService("auth-flow-" + port, productionEnvironment(port));
        Duration healthy = Duration.ofNanos(System.nanoTime() - started).plus(Docker.awaitHealthy(name, Duration.ofSeconds(90)));
        String memory = docker("stats", "--no-stream", "--format", "{{.MemUsage}}", name).trimmed();
        LOG.info("docker run to healthy: {} ms; memory after start: {}", healthy.toMillis(), memory);

        // docker top runs the host's ps on the container's processes: the image has no id or ps
        assertThat(docker("top", name, "-o", "pid,uid,gid").output().lines().skip(1).map(String::strip))
                .isNotEmpty().allMatch(ids -> ids.matches("\\d+\\s+1001\\s+1001"));
        assertThat(Docker.inspect(name, "{{.HostConfig.ReadonlyRootfs}}")).isEqualTo("true");
        assertThat(docker("exec", name, "sh", "-c", ": > /app/written").exitCode()).as("root filesystem is read-only")
                .isNotZero();
        assertThat(docker("exec", name, "sh", "-c", ": > /tmp/written").exitCode()).as("/tmp is writable").isZero();
        try (var connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
             var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM databasechangelog")) {
            rows.next();
            assertThat(rows.getInt(1)).as("changesets applied").isEqualTo(ServiceImage.changesetsInChangelog());
        }

        String email = "container-" + port + "@example.com";
        String password = "correct horse battery staple";
        assertThat(send(postJson(port, "/sign-up/email", """
                {"name":"Ada","email":"%s","password":"%s"}""".formatted(email, password))).statusCode()).isEqualTo(200);
        String link = awaitLink(email);
        assertThat(send(HttpRequest.newBuilder(URI.create(link)).GET()).statusCode()).isEqualTo(302);
        var signIn = send(postJson(port, "/sign-in/email", """
                {"email":"%s","password":"%s"}""".formatted(email, password)));
        assertThat(signIn.statusCode()).isEqualTo(200);
        String bearer = signIn.headers().firstValue("set-auth-token").orElseThrow();
        var session = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/get-session"))
                .header("Authorization", "Bearer " + bearer).GET());
        assertThat(session.body()).contains("\"email\":\"" + email + "\"", "\"emailVerified\":true");
    }

    /**
     * The runtime lists only the JDK's five built-in security providers (ADR-0038): enough for TLS.
     * This database refuses every connection that is not TLS, so healthy means TLS works.
     */
    @Test
    void speaksTlsToADatabaseThatAcceptsNothingElse() throws Exception {
        var certificate = SelfSignedCertificate.forHost("localhost");
        String tlsOnly = "local all all trust\nhostssl all all all scram-sha-256\n";
        String installFiles = "cp /tls/* /var/lib/postgresql/ && chown postgres /var/lib/postgresql/server.*"
                + " && chmod 600 /var/lib/postgresql/server.key && exec docker-entrypoint.sh \"$@\"";
        try (var tlsPostgres = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE).asCompatibleSubstituteFor("postgres"))
                .withCopyToContainer(Transferable.of(certificate.certificatePem()), "/tls/server.crt")
                .withCopyToContainer(Transferable.of(certificate.privateKeyPem()), "/tls/server.key")
                .withCopyToContainer(Transferable.of(tlsOnly), "/tls/pg_hba.conf")
                .withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("sh", "-c", installFiles, "sh"))
                .withCommand("postgres", "-c", "ssl=on", "-c", "ssl_cert_file=/var/lib/postgresql/server.crt",
                        "-c", "ssl_key_file=/var/lib/postgresql/server.key", "-c", "hba_file=/var/lib/postgresql/pg_hba.conf")) {
            tlsPostgres.start();
            int port = freePort();
            Map<String, String> env = productionEnvironment(port);
            env.put("DATABASE_URL", databaseUrl(tlsPostgres.getMappedPort(5432), tlsPostgres.getDatabaseName(), "require"));
            String name = runService("auth-tls-" + port, env);
            Docker.awaitHealthy(name, Duration.ofSeconds(90));

            var plain = tlsPostgres.execInContainer("psql", "host=127.0.0.1 sslmode=disable user=" + tlsPostgres.getUsername()
                    + " dbname=" + tlsPostgres.getDatabaseName(), "-c", "SELECT 1");
            assertThat(plain.getStderr()).as("the database refuses a connection without TLS").contains("no encryption");
        }
    }

    @Test
    void heapIsBoundedWithoutAMemoryLimitAndFollowsTheLimitWhenOneIsSet() throws Exception {
        int port = freePort();
        String unlimited = runService("auth-heap-" + port, productionEnvironment(port));
        int limitedPort = freePort();
        String limited = runService(List.of("--memory", "512m"), "auth-heap-limited-" + limitedPort,
                productionEnvironment(limitedPort));
        Docker.awaitHealthy(unlimited, Duration.ofSeconds(90));
        Docker.awaitHealthy(limited, Duration.ofSeconds(90));

        assertThat(maxHeapMiB(unlimited)).as("half of 256 MiB, whatever the host has").isBetween(110L, 130L);
        assertThat(maxHeapMiB(limited)).as("half of the 512 MiB limit").isBetween(230L, 260L);
    }

    /**
     * JNA loads libargon2 and Netty its epoll transport from the image, not from what they would
     * unpack into /tmp (ADR-0037, ADR-0038).
     */
    @Test
    void passwordsAreHashedAndEpollServesWhenTmpForbidsExecutingWhatIsUnpackedThere() throws Exception {
        int port = freePort();
        String name = runService(List.of("--tmpfs", "/tmp:noexec,mode=1777"), "auth-noexec-" + port,
                productionEnvironment(port));
        Docker.awaitHealthy(name, Duration.ofSeconds(90));

        assertThat(send(postJson(port, "/sign-up/email", """
                {"name":"Ada","email":"noexec-%d@example.com","password":"correct horse battery staple"}"""
                .formatted(port))).statusCode()).isEqualTo(200);
        assertThat(docker("logs", name).output()).as("Netty unpacks nothing into /tmp")
                .doesNotContain("/tmp/libnetty");
        String mappedEpoll = docker("exec", name, "bash", "-c", """
                while read -r line; do [[ $line == *libnetty_transport_native_epoll* ]] && echo "${line##* }"; done \
                    < /proc/1/maps""").output();
        assertThat(mappedEpoll.lines()).as("where the JVM mapped the epoll library from")
                .isNotEmpty().allMatch(path -> path.startsWith("/app/native/"));
    }

    private static long maxHeapMiB(String container) {
        Matcher ready = Pattern.compile("heap at most (\\d+) MiB").matcher(docker("logs", container).output());
        assertThat(ready.find()).as("the ready line of " + container).isTrue();
        return Long.parseLong(ready.group(1));
    }

    @Test
    void sigtermLetsTheRequestInFlightFinishAndExitsZeroWithinTenSeconds() throws Exception {
        int port = freePort();
        String name = runService("auth-sigterm-" + port, productionEnvironment(port));
        Docker.awaitHealthy(name, Duration.ofSeconds(90));

        // an unauthenticated verification-mail request takes at least 500 ms by design
        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(postJson(port, "/send-verification-email",
                "{\"email\":\"nobody@example.com\"}").build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(150);
        long signalled = System.nanoTime();
        docker("kill", "--signal", "TERM", name).orFail("docker kill");

        assertThat(inFlight.get().statusCode()).isEqualTo(200);
        int exitCode = Docker.awaitExit(name, Duration.ofSeconds(15));
        Duration stopped = Duration.ofNanos(System.nanoTime() - signalled);
        LOG.info("SIGTERM to exit: {} ms, exit code {}", stopped.toMillis(), exitCode);
        assertThat(exitCode).isZero();
        assertThat(stopped).isLessThan(Duration.ofSeconds(10));
    }

    /** SHUTDOWN_DELAY: not ready at once, still serving for the delay, then stopped with exit code 0 (ADR-0058). */
    @Test
    void sigtermWithAShutdownDelayTurnsReadinessOffAndKeepsServingUntilTheDelayIsOver() throws Exception {
        int port = freePort();
        Map<String, String> environment = productionEnvironment(port);
        environment.put("SHUTDOWN_DELAY", "3s");
        String name = runService("auth-drain-" + port, environment);
        Docker.awaitHealthy(name, Duration.ofSeconds(90));
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))).statusCode()).isEqualTo(200);

        long signalled = System.nanoTime();
        docker("kill", "--signal", "TERM", name).orFail("docker kill");
        Thread.sleep(500);

        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))).statusCode())
                .as("not ready once signalled").isEqualTo(503);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/livez"))).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/ok"))).statusCode())
                .as("still serving during the delay").isEqualTo(200);
        int exitCode = Docker.awaitExit(name, Duration.ofSeconds(15));
        Duration stopped = Duration.ofNanos(System.nanoTime() - signalled);
        LOG.info("SIGTERM to exit with SHUTDOWN_DELAY=3s: {} ms", stopped.toMillis());
        assertThat(exitCode).isZero();
        assertThat(stopped).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    /**
     * A better-auth database beside ours (the shared-database case): the image's {@code migrate
     * --from-better-auth --dry-run} changes nothing, and {@code BETTER_AUTH_IMPORT=true} imports
     * before serving, so the better-auth password signs in at once.
     */
    @Test
    void theEntrypointImportsABetterAuthDatabaseBeforeServingAndADryRunChangesNothing() throws Exception {
        String database = "better_auth_" + freePort();
        try (var connection = DriverManager.getConnection(postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword())) {
            connection.createStatement().execute("CREATE DATABASE " + database);
        }
        String jdbc = postgres.getJdbcUrl().replace("/" + postgres.getDatabaseName(), "/" + database);
        try (var connection = DriverManager.getConnection(jdbc, postgres.getUsername(), postgres.getPassword());
             var statement = connection.createStatement()) {
            statement.execute(Files.readString(Path.of("..", "bench", "better-auth-schema.sql")));
            // better-auth 1.7.25's hashPassword("correct horse battery staple")
            statement.execute("""
                    INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
                    VALUES ('imported-user-000000000000000001', 'Ada', 'imported@example.com', true, now(), now());
                    INSERT INTO account (id, "accountId", "providerId", "userId", password, "createdAt", "updatedAt")
                    VALUES ('imported-account-0000000000000001', 'imported-user-000000000000000001', 'credential',
                      'imported-user-000000000000000001', 'afbc25a9147cca85c1238f0c4ad48fbe:04a24eb50186ae583e9395c86'
                      || '4cb4c5bc5b8c6a8eb6e9c352b1615acf55700894024ba591c95c37d8d438756002098be412c085f0bfe2b07d5e5'
                      || 'c5b346e39730', now(), now())""");
        }
        int port = freePort();
        Map<String, String> env = productionEnvironment(port);
        env.put("DATABASE_URL", databaseUrl(postgres.getMappedPort(5432), database));

        String dryRun = runService("auth-import-dry-" + port, env, "migrate", "--from-better-auth", "--dry-run");
        assertThat(Docker.awaitExit(dryRun, Duration.ofSeconds(90))).as(docker("logs", dryRun).output()).isZero();
        assertThat(docker("logs", dryRun).output()).contains("Dry run: would import", "user: 1 read, 1 created");
        try (var connection = DriverManager.getConnection(jdbc, postgres.getUsername(), postgres.getPassword());
             var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM users")) {
            rows.next();
            assertThat(rows.getInt(1)).as("users after the dry run").isZero();
        }

        env.put("BETTER_AUTH_IMPORT", "true");
        String name = runService("auth-import-" + port, env);
        Docker.awaitHealthy(name, Duration.ofSeconds(90));
        assertThat(docker("logs", name).output()).contains("user: 1 read, 1 created");
        var signIn = send(postJson(port, "/sign-in/email", """
                {"email":"imported@example.com","password":"correct horse battery staple"}"""));
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(signIn.body()).contains("\"id\":\"imported-user-000000000000000001\"");
    }

    @Test
    void productionWithoutDatabaseUrlExitsNonZeroWithOneClearLine() throws Exception {
        Map<String, String> env = productionEnvironment(freePort());
        env.remove("DATABASE_URL");
        String name = runService("auth-nodb-" + freePort(), env);

        assertThat(Docker.awaitExit(name, Duration.ofSeconds(30))).isEqualTo(2);
        List<String> lines = docker("logs", name).output().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains("DATABASE_URL is required in production");
    }

    @Test
    void productionWithWeakSecretExitsNonZeroWithOneClearLine() throws Exception {
        Map<String, String> env = productionEnvironment(freePort());
        env.put("AUTH_SECRET", "changeme-changeme-changeme-changeme");
        String name = runService("auth-weak-" + freePort(), env);

        assertThat(Docker.awaitExit(name, Duration.ofSeconds(30))).isEqualTo(2);
        List<String> lines = docker("logs", name).output().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).contains("AUTH_SECRET").doesNotContain("changeme-changeme");
    }

    @Test
    void serviceStartedBeforeItsDatabaseWaitsComesUpAndTurnsUnhealthyWhenItGoes() throws Exception {
        int databasePort = freePort();
        int port = freePort();
        Map<String, String> env = productionEnvironment(port);
        env.put("DATABASE_URL", databaseUrl(databasePort, "late"));
        env.put("DATABASE_WAIT_SECONDS", "90");
        String name = runService("auth-late-" + port, env);
        Thread.sleep(3000);
        assertThat(Docker.inspect(name, "{{.State.Status}}")).isEqualTo("running");

        try (var late = new PostgreSQLContainer(DockerImageName.parse(POSTGRES_IMAGE).asCompatibleSubstituteFor("postgres"))
                .withDatabaseName("late").withUsername(postgres.getUsername()).withPassword(postgres.getPassword())
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig().withPortBindings(
                        new com.github.dockerjava.api.model.PortBinding(
                                com.github.dockerjava.api.model.Ports.Binding.bindPort(databasePort),
                                new com.github.dockerjava.api.model.ExposedPort(5432))))) {
            late.start();
            Docker.awaitHealthy(name, Duration.ofSeconds(90));
            assertThat(docker("exec", name, "bash", "-c", "PORT=" + freePort() + " /app/healthcheck.sh").exitCode())
                    .as("the probe against a port where nothing listens").isEqualTo(1);
        }
        assertThat(docker("logs", name).output()).contains("Database not reachable yet");
        // with the database gone /health answers 503, and a probe that gets an answer fails at once
        awaitHealthStatus(name, "unhealthy", Duration.ofSeconds(60));
    }

    /** Polls the container's own HEALTHCHECK until it says {@code status}. */
    private static void awaitHealthStatus(String container, String status, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!Docker.inspect(container, "{{.State.Health.Status}}").equals(status)) {
            assertThat(System.nanoTime()).as(container + " " + status + " within " + limit).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    @Test
    void serviceWhoseDatabaseNeverComesGivesUpWithOneClearLineAndExitCodeThree() throws Exception {
        int port = freePort();
        Map<String, String> env = productionEnvironment(port);
        env.put("DATABASE_URL", databaseUrl(freePort(), "never"));
        env.put("DATABASE_WAIT_SECONDS", "3");
        String name = runService("auth-never-" + port, env);

        assertThat(Docker.awaitExit(name, Duration.ofSeconds(60))).isEqualTo(3);
        String logs = docker("logs", name).output();
        assertThat(logs).contains("Database not reachable yet")
                .contains("The database did not accept connections within 3 s (DATABASE_WAIT_SECONDS), giving up")
                .doesNotContain("\tat ").doesNotContain("APPLICATION FAILED TO START");
    }

    @Test
    void migrateCommandMigratesAndExitsForOperatorsWhoRunItAsAJob() throws Exception {
        Map<String, String> env = productionEnvironment(freePort());
        String name = runService("auth-migrate-" + freePort(), env, "migrate");

        assertThat(Docker.awaitExit(name, Duration.ofSeconds(60))).isZero();
        assertThat(docker("logs", name).output()).contains("Database schema is up to date");
    }

    private static final Pattern LINK = Pattern.compile("http://\\S+/verify-email\\?\\S+");

    private String awaitLink(String email) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(email)) {
                    String text = (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
                    Matcher matcher = LINK.matcher(text);
                    assertThat(matcher.find()).as("link in the mail").isTrue();
                    return matcher.group();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + email);
    }
}
