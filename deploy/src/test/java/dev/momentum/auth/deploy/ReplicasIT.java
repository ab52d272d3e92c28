package dev.momentum.auth.deploy;

import static dev.momentum.auth.deploy.Docker.docker;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * deploy/docker-compose.replicas.yml as an operator starts it, three replicas behind HAProxy on
 * one PostgreSQL, and every request of these proofs through the load balancer unless a proof is
 * about one replica. Each proof logs its figure on a line that starts with "FIGURE".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicasIT.class);
    private static final String HAPROXY_IMAGE = System.getenv().getOrDefault("HAPROXY_IMAGE", "haproxy:3.2");
    private static final String FRONTEND = "http://localhost:3000";
    private static final String PASSWORD = "correct horse battery staple";
    private static final List<String> REPLICAS = List.of("auth-1", "auth-2", "auth-3");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern KID = Pattern.compile("\"kid\":\"([^\"]+)\"");
    private static final Pattern VERIFY_LINK = Pattern.compile("http://\\S+/verify-email\\?[^\\s\"<]+");
    private static final Pattern RESET_TOKEN = Pattern.compile("/reset-password/([^?\\s\"<]+)");
    /** A session ended on one replica is refused by the others within this (SESSION_CACHE_TTL is 30 s). */
    private static final Duration REVOCATION_BOUND = Duration.ofSeconds(1);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private static final AtomicLong CLIENTS = new AtomicLong(1);
    private static RecordingSmtpServer smtp;
    private static Path directory;
    private static String project;
    private static String lb;
    private static int statsPort;
    private static Instant started;

    @BeforeAll
    static void startDeployment() throws Exception {
        ServiceImage.build();
        smtp = new RecordingSmtpServer();
        int port = ContainerImageIT.freePort();
        statsPort = ContainerImageIT.freePort();
        project = "authreplicas" + port;
        lb = "http://localhost:" + port;
        directory = Files.createDirectories(Files.createTempDirectory("replicas").resolve("deploy"));
        Files.copy(ServiceImage.REPOSITORY.resolve("deploy/docker-compose.replicas.yml"),
                directory.resolve("docker-compose.replicas.yml"));
        Files.createDirectories(directory.resolve("haproxy"));
        Files.copy(ServiceImage.REPOSITORY.resolve("deploy/haproxy/haproxy.cfg"), directory.resolve("haproxy/haproxy.cfg"));
        Files.writeString(directory.resolve("docker-compose.smtp.yml"), """
                # the test's SMTP server listens on the host
                services:
                  auth-1: { extra_hosts: ["host.docker.internal:host-gateway"] }
                  auth-2: { extra_hosts: ["host.docker.internal:host-gateway"] }
                  auth-3: { extra_hosts: ["host.docker.internal:host-gateway"] }
                """);
        Files.writeString(directory.resolve(".env"), String.join("\n",
                "APP_ENV=production",
                "POSTGRES_PASSWORD=replicas-test-password-1",
                "AUTH_SECRET=" + ContainerImageIT.SECRET,
                "MAIL_PROVIDER=smtp",
                "SMTP_HOST=host.docker.internal",
                "SMTP_PORT=" + smtp.port(),
                "MAIL_SEND_TIMEOUT=5s",
                "AUTH_PORT=" + port,
                "LB_STATS_PORT=" + statsPort,
                "AUTH_BASE_URL=" + lb,
                "FRONTEND_URL=" + FRONTEND,
                "AUTH_IMAGE=" + ServiceImage.TAG,
                "POSTGRES_IMAGE=" + ContainerImageIT.POSTGRES_IMAGE,
                "HAPROXY_IMAGE=" + HAPROXY_IMAGE,
                // the load below comes from one address; sign-in keeps better-auth's 3 per 10 s
                "RATE_LIMIT_RULES=/sign-up*=100000/10s",
                "RATE_LIMIT_DEFAULT=100000/10s",
                // rotations within the test: a new key every 15 s, published 5 s before it signs
                "JWT_KEY_ROTATION=15s",
                "JWT_KEY_PUBLISH_LEAD=5s",
                "JWT_KEY_REFRESH=1s",
                "JWT_REUSE_WINDOW=0s", ""));
        started = Instant.now();
        compose("up", "-d", "--no-build").orFail("docker-compose up");
        for (String replica : REPLICAS) {
            Docker.awaitHealthy(container(replica), Duration.ofSeconds(180));
        }
        awaitInTheLoadBalancer(REPLICAS, Duration.ofSeconds(30));
        LOG.info("FIGURE three replicas and the load balancer up and in rotation {} ms after docker-compose up",
                Duration.between(started, Instant.now()).toMillis());
    }

    @AfterAll
    static void stopDeployment() {
        if (smtp != null) {
            Map<String, Long> copies = smtp.delivered().stream()
                    .collect(Collectors.groupingBy(RecordingSmtpServer.Delivered::messageId, Collectors.counting()));
            LOG.info("FIGURE mails delivered over the whole run: {}, distinct: {}, delivered twice: {}",
                    smtp.delivered().size(), copies.size(), copies.values().stream().filter(n -> n > 1).count());
            smtp.close();
        }
        if (directory != null) {
            compose("down", "-v", "--remove-orphans");
        }
    }

    private static Docker.Result compose(String... arguments) {
        List<String> all = new ArrayList<>(List.of("-f", "docker-compose.replicas.yml", "-f", "docker-compose.smtp.yml"));
        all.addAll(List.of(arguments));
        return Docker.compose(directory, project, all.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void replicasStartingTogetherOnAnEmptyDatabaseMigrateItOnce() {
        int changesets = ServiceImage.changesetsInChangelog();

        assertThat(psql("SELECT count(*) FROM databasechangelog")).isEqualTo(String.valueOf(changesets));
        assertThat(psql("SELECT count(DISTINCT id || filename) FROM databasechangelog")).isEqualTo(String.valueOf(changesets));
        assertThat(psql("SELECT count(*) FROM databasechangeloglock WHERE locked")).isEqualTo("0");
        List<Instant> starts = REPLICAS.stream()
                .map(replica -> Instant.parse(Docker.inspect(container(replica), "{{.State.StartedAt}}"))).sorted().toList();
        Duration spread = Duration.between(starts.getFirst(), starts.getLast());
        LOG.info("FIGURE migration: {} changesets applied once by 3 replicas started within {} ms of each other",
                changesets, spread.toMillis());
        assertThat(spread).as("the replicas started together").isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @Order(2)
    void signInRateLimitIsOneBudgetAcrossReplicas() throws Exception {
        Map<String, Long> servedBefore = servedPerReplica();
        List<Integer> statuses = new ArrayList<>();
        for (int attempt = 0; attempt < 9; attempt++) {
            statuses.add(send(post(lb, "/sign-in/email",
                    "{\"email\":\"nobody-" + attempt + "@example.com\",\"password\":\"" + PASSWORD + "\"}")).statusCode());
        }
        Map<String, Long> servedAfter = servedPerReplica();
        Map<String, Long> served = new LinkedHashMap<>();
        REPLICAS.forEach(replica -> served.put(replica, servedAfter.get(replica) - servedBefore.get(replica)));

        LOG.info("FIGURE rate limit: 9 sign-in tries through the load balancer, answered {}, served per replica {}",
                statuses, served);
        assertThat(statuses.subList(0, 3)).containsOnly(401);
        assertThat(statuses.subList(3, 9)).containsOnly(429);
        assertThat(served.values()).as("every replica took part").allMatch(count -> count >= 1);
    }

    @Test
    @Order(3)
    void aSessionEndedThroughOneReplicaIsRefusedByEveryOtherWithinTheBound() throws Exception {
        String email = verifiedUser("revoked");
        List<Duration> lags = new ArrayList<>();

        Session signedOut = signIn(email);
        lags.addAll(refusedElsewhereAfter(signedOut,
                () -> send(post(replica("auth-1"), "/sign-out", "{}").header("Cookie", signedOut.cookie()))));

        Session caller = signIn(email);
        Session revoked = signIn(email);
        lags.addAll(refusedElsewhereAfter(revoked, () -> send(post(replica("auth-1"), "/revoke-session",
                "{\"token\":\"" + revoked.token() + "\"}").header("Cookie", caller.cookie()))));

        Session beforeReset = signIn(email);
        assertThat(send(post(replica("auth-1"), "/request-password-reset", "{\"email\":\"" + email + "\"}")
                .header("X-Forwarded-For", newClientAddress())).statusCode()).isEqualTo(200);
        Matcher reset = RESET_TOKEN.matcher(textOf(awaitMail(email, "reset-password")));
        assertThat(reset.find()).isTrue();
        lags.addAll(refusedElsewhereAfter(beforeReset, () -> send(post(replica("auth-1"), "/reset-password",
                "{\"newPassword\":\"" + PASSWORD + " again\",\"token\":\"" + reset.group(1) + "\"}"))));

        Duration worst = lags.stream().max(Duration::compareTo).orElseThrow();
        LOG.info("FIGURE session revocation: sign-out, revoke-session and password reset on auth-1, refused by "
                + "auth-2 and auth-3 after {} ms (each, in ms: {})", worst.toMillis(),
                lags.stream().map(lag -> String.valueOf(lag.toMillis())).toList());
        assertThat(worst).isLessThan(REVOCATION_BOUND);
    }

    @Test
    @Order(4)
    void oneKeyRotatesAtATimeAndEveryReplicasJwksListsEveryKeyAnyReplicaSignsWith() throws Exception {
        Session session = signIn(verifiedUser("keys"));
        Instant from = Instant.now();
        int tokens = 0;
        List<String> misses = new ArrayList<>();
        Set<String> signingKeys = new HashSet<>();
        while (Duration.between(from, Instant.now()).compareTo(Duration.ofSeconds(35)) < 0) {
            Map<String, Set<String>> published = new HashMap<>();
            for (String replica : REPLICAS) {
                published.put(replica, kids(send(get(replica(replica), "/jwks")).body()));
            }
            var answer = send(get(lb, "/token").header("Cookie", session.cookie()));
            assertThat(answer.statusCode()).isEqualTo(200);
            String kid = kidOf(tokenOf(answer.body()));
            signingKeys.add(kid);
            tokens++;
            published.forEach((replica, kids) -> {
                if (!kids.contains(kid)) {
                    misses.add(kid + " not yet in " + replica + "'s JWKS");
                }
            });
            Thread.sleep(100);
        }
        Duration elapsed = Duration.between(from, Instant.now());
        int created = Integer.parseInt(psql("SELECT count(*) FROM signing_keys WHERE created_at >= '" + from + "'"));
        long periods = elapsed.toSeconds() / 15;

        LOG.info("FIGURE key rotation: {} JWTs over {} s signed with {} keys; every one was in all 3 replicas' JWKS "
                + "fetched just before it was signed ({} misses); keys created meanwhile: {} in {} rotation periods",
                tokens, elapsed.toSeconds(), signingKeys.size(), misses.size(), created, periods);
        assertThat(misses).isEmpty();
        assertThat(signingKeys).as("at least two rotations").hasSizeGreaterThanOrEqualTo(3);
        assertThat(created).as("one key per period, not one per replica").isBetween((int) periods - 1, (int) periods + 1);
    }

    @Test
    @Order(5)
    void eachMailIsSentOnceByThreeOutboxWorkersAlsoWhenTheSenderDiesWhileSending() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int n = 0; n < 30; n++) {
            recipients.add("mail-" + n + "@example.com");
            assertThat(signUp(recipients.getLast())).isEqualTo(200);
        }
        Map<String, String> replicaByAddress = replicaByAddress();
        for (String recipient : recipients) {
            awaitMail(recipient, "verify-email");
        }
        Thread.sleep(2_000);
        Map<String, Long> perRecipient = smtp.delivered().stream().filter(mail -> recipients.contains(mail.to()))
                .collect(Collectors.groupingBy(RecordingSmtpServer.Delivered::to, Collectors.counting()));
        Map<String, Long> perSender = smtp.delivered().stream().filter(mail -> recipients.contains(mail.to()))
                .collect(Collectors.groupingBy(mail -> replicaByAddress.getOrDefault(mail.sender().getHostAddress(), "?"),
                        Collectors.counting()));
        assertThat(perRecipient).hasSize(30).allSatisfy((recipient, copies) -> assertThat(copies).isEqualTo(1));
        assertThat(perSender).as("more than one outbox worker sent").hasSizeGreaterThanOrEqualTo(2);

        smtp.holdFirstAttemptOf(message -> recipientOf(message).startsWith("held-"));
        assertThat(signUp("held-1@example.com")).isEqualTo(200);
        RecordingSmtpServer.Held held = smtp.held().poll(30, TimeUnit.SECONDS);
        assertThat(held).as("the first attempt reached the SMTP server").isNotNull();
        String sender = replicaByAddress.get(held.sender().getHostAddress());
        Instant killed = Instant.now();
        docker("kill", "--signal", "KILL", container(sender)).orFail("docker kill");
        RecordingSmtpServer.Delivered resent = awaitMail("held-1@example.com", "verify-email");
        Duration redelivery = Duration.between(killed, Instant.now());
        Thread.sleep(2_000);

        assertThat(smtp.delivered().stream().filter(mail -> mail.to().equals("held-1@example.com"))).hasSize(1);
        assertThat(resent.messageId()).isEqualTo(held.messageId());
        assertThat(resent.sender()).isNotEqualTo(held.sender());
        assertThat(psql("SELECT o.status || ' ' || o.attempts FROM mail_outbox o JOIN users u ON u.id = o.user_id "
                + "WHERE u.email = 'held-1@example.com'")).isEqualTo("DELIVERED 2");
        LOG.info("FIGURE outbox: 30 mails sent once each, by {} of 3 replicas ({}); a mail whose sender ({}) was killed "
                + "mid-send was sent once, by another replica, {} ms after the kill (the lease: 4 x MAIL_SEND_TIMEOUT = 20 s)",
                perSender.size(), perSender, sender, redelivery.toMillis());
        backInRotation(sender);
    }

    @Test
    @Order(6)
    void aReplicaKilledUnderLoadLosesNoAcknowledgedWriteAndTheLoadBalancerTakesItOutAtOnce() throws Exception {
        Session session = signIn(verifiedUser("killload"));
        Instant killed;
        Instant out;
        try (Load load = new Load(session, "kill", 8)) {
            Thread.sleep(4_000);
            killed = Instant.now();
            docker("kill", "--signal", "KILL", container("auth-2")).orFail("docker kill");
            while (statusInTheLoadBalancer().getOrDefault("auth-2", "").startsWith("UP")) {
                Thread.sleep(20);
            }
            out = Instant.now();
            Thread.sleep(6_000);
            load.stop();
            Set<String> stored = new HashSet<>(List.of(psql(
                    "SELECT email FROM users WHERE email LIKE 'load-kill-%'").split("\n")));
            LOG.info("FIGURE SIGKILL under load: {} requests, {} failed ({}), load balancer took auth-2 out {} ms "
                            + "after the kill (checks every 1 s, 2 to fall); {} sign-ups acknowledged, all stored: {}",
                    load.served.get(), load.failures.size(), load.failures, Duration.between(killed, out).toMillis(),
                    load.acknowledged.size(), stored.containsAll(load.acknowledged));
            assertThat(load.served.get()).isGreaterThan(100);
            assertThat(stored).containsAll(load.acknowledged);
            assertThat(load.failures).as("at most the requests in flight on the killed replica").hasSizeLessThanOrEqualTo(8);
            assertThat(Duration.between(killed, out)).isLessThanOrEqualTo(Duration.ofSeconds(3));
        }
        backInRotation("auth-2");
    }

    @Test
    @Order(7)
    void aRollingRestartOfAllThreeReplicasUnderLoadFailsNoRequest() throws Exception {
        Session session = signIn(verifiedUser("rolling"));
        Map<String, Long> restartMillis = new LinkedHashMap<>();
        try (Load load = new Load(session, "roll", 8)) {
            Thread.sleep(2_000);
            for (String replica : REPLICAS) {
                Instant from = Instant.now();
                docker("stop", "-t", "20", container(replica)).orFail("docker stop");
                docker("start", container(replica)).orFail("docker start");
                awaitInTheLoadBalancer(List.of(replica), Duration.ofSeconds(120));
                restartMillis.put(replica, Duration.between(from, Instant.now()).toMillis());
            }
            Thread.sleep(2_000);
            load.stop();
            Set<String> stored = new HashSet<>(List.of(psql(
                    "SELECT email FROM users WHERE email LIKE 'load-roll-%'").split("\n")));
            LOG.info("FIGURE rolling restart under load: {} requests, {} failed ({}); each replica stopped, started and "
                    + "back in rotation in ms: {}", load.served.get(), load.failures.size(), load.failures, restartMillis);
            assertThat(load.failures).isEmpty();
            assertThat(load.served.get()).isGreaterThan(100);
            assertThat(stored).containsAll(load.acknowledged);
        }
    }

    // ---- the deployment

    private static String container(String replica) {
        return project + "_" + replica + "_1";
    }

    private static String address(String replica) {
        return Docker.inspect(container(replica), "{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}");
    }

    private static String replica(String replica) {
        return "http://" + address(replica) + ":3002";
    }

    private static Map<String, String> replicaByAddress() {
        Map<String, String> byAddress = new HashMap<>();
        REPLICAS.forEach(replica -> byAddress.put(address(replica), replica));
        return byAddress;
    }

    private static String psql(String sql) {
        return docker("exec", project + "_db_1", "psql", "-U", "auth", "-d", "auth", "-tAc", sql)
                .orFail("psql " + sql).trimmed();
    }

    /** HAProxy's view, from its stats page: server name to status (UP, DOWN, MAINT, ...). */
    private static Map<String, String> statusInTheLoadBalancer() throws Exception {
        return statsColumn("status");
    }

    private static Map<String, Long> servedPerReplica() throws Exception {
        Map<String, Long> served = new HashMap<>();
        statsColumn("stot").forEach((server, total) -> served.put(server, Long.parseLong(total)));
        return served;
    }

    private static Map<String, String> statsColumn(String column) throws Exception {
        String csv = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        List<String> lines = csv.lines().toList();
        List<String> header = List.of(lines.getFirst().substring(2).split(","));
        Map<String, String> values = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            if (fields.length > 1 && fields[0].equals("replicas") && REPLICAS.contains(fields[1])) {
                values.put(fields[1], fields[header.indexOf(column)]);
            }
        }
        return values;
    }

    private static void awaitInTheLoadBalancer(List<String> replicas, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> status = statusInTheLoadBalancer();
            if (replicas.stream().allMatch(replica -> "UP".equals(status.get(replica)))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not all of " + replicas + " UP in the load balancer: " + statusInTheLoadBalancer());
    }

    /** Docker's restart policy brings a killed replica back; a stopped one is started. */
    private static void backInRotation(String replica) throws Exception {
        Thread.sleep(1_000);
        if (Docker.inspect(container(replica), "{{.State.Status}}").equals("exited")) {
            docker("start", container(replica)).orFail("docker start");
        }
        Docker.awaitHealthy(container(replica), Duration.ofSeconds(120));
        awaitInTheLoadBalancer(List.of(replica), Duration.ofSeconds(30));
    }

    // ---- users and sessions

    record Session(String cookie, String token) {
    }

    private static String newClientAddress() {
        long n = CLIENTS.getAndIncrement();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    private static int signUp(String email) throws Exception {
        return send(post(lb, "/sign-up/email",
                "{\"name\":\"Replica Test\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")).statusCode();
    }

    private static String verifiedUser(String name) throws Exception {
        String email = name + "@example.com";
        assertThat(signUp(email)).isEqualTo(200);
        Matcher link = VERIFY_LINK.matcher(textOf(awaitMail(email, "verify-email")));
        assertThat(link.find()).isTrue();
        assertThat(send(HttpRequest.newBuilder(URI.create(link.group()))).statusCode()).isEqualTo(302);
        return email;
    }

    /**
     * Signs in on auth-1 directly, as a client of its own: the test's host is inside the networks
     * the replicas trust, so its X-Forwarded-For chooses the budget (the load balancer's replaces it).
     */
    private static Session signIn(String email) throws Exception {
        var answer = send(post(replica("auth-1"), "/sign-in/email",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").header("X-Forwarded-For", newClientAddress()));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        String cookie = answer.headers().allValues("set-cookie").stream()
                .filter(header -> header.startsWith("better-auth.session_token="))
                .map(header -> header.substring(0, header.indexOf(';'))).findFirst().orElseThrow();
        return new Session(cookie, tokenOf(answer.body()));
    }

    private static boolean signedIn(String base, Session session) throws Exception {
        var answer = send(get(base, "/get-session").header("Cookie", session.cookie()));
        assertThat(answer.statusCode()).isEqualTo(200);
        return !answer.body().equals("null");
    }

    interface Action {
        HttpResponse<String> run() throws Exception;
    }

    /** Every replica holds the session; the action ends it on auth-1; how long until auth-2 and auth-3 refuse it. */
    private static List<Duration> refusedElsewhereAfter(Session session, Action end) throws Exception {
        Map<String, String> others = Map.of("auth-2", replica("auth-2"), "auth-3", replica("auth-3"));
        for (String replica : REPLICAS) {
            assertThat(signedIn(replica(replica), session)).as("signed in on " + replica).isTrue();
        }
        assertThat(end.run().statusCode()).isEqualTo(200);
        long ended = System.nanoTime();
        List<Duration> lags = new CopyOnWriteArrayList<>();
        try (var pollers = Executors.newVirtualThreadPerTaskExecutor()) {
            others.values().forEach(base -> pollers.submit(() -> {
                while (signedIn(base, session)) {
                    if (System.nanoTime() - ended > Duration.ofSeconds(40).toNanos()) {
                        throw new AssertionError("still signed in on " + base);
                    }
                    Thread.sleep(5);
                }
                lags.add(Duration.ofNanos(System.nanoTime() - ended));
                return null;
            }));
        }
        assertThat(lags).hasSize(2);
        return lags;
    }

    // ---- mail

    private static RecordingSmtpServer.Delivered awaitMail(String recipient, String containing) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (var mail : smtp.delivered()) {
                if (mail.to().equals(recipient) && textOf(mail).contains(containing)) {
                    return mail;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no mail to " + recipient + " containing " + containing);
    }

    private static String textOf(RecordingSmtpServer.Delivered mail) throws Exception {
        Object content = mail.message().getContent();
        return content instanceof MimeMultipart parts ? (String) parts.getBodyPart(0).getContent() : (String) content;
    }

    private static String recipientOf(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- HTTP

    private static HttpRequest.Builder post(String base, String path, String json) {
        return HttpRequest.newBuilder(URI.create(base + "/api/auth" + path)).header("Content-Type", "application/json")
                .header("Origin", FRONTEND).POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static HttpRequest.Builder get(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + "/api/auth" + path)).GET();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String tokenOf(String body) {
        Matcher token = TOKEN.matcher(body);
        assertThat(token.find()).as(body).isTrue();
        return token.group(1);
    }

    private static String kidOf(String jwt) {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        Matcher kid = KID.matcher(header);
        assertThat(kid.find()).as(header).isTrue();
        return kid.group(1);
    }

    private static Set<String> kids(String jwks) {
        Set<String> kids = new HashSet<>();
        Matcher kid = KID.matcher(jwks);
        while (kid.find()) {
            kids.add(kid.group(1));
        }
        return kids;
    }

    /**
     * Mixed load through the load balancer from several clients at once: sign-ups (writes, each
     * acknowledged one must be stored), get-session, a JWT and the liveness answer. Any answer
     * but 200, and any connection failure, is a failed request.
     */
    private static final class Load implements AutoCloseable {

        final AtomicLong served = new AtomicLong();
        final List<String> failures = new CopyOnWriteArrayList<>();
        final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        private final List<Thread> clients = new ArrayList<>();
        private volatile boolean running = true;

        Load(Session session, String name, int concurrency) {
            for (int client = 0; client < concurrency; client++) {
                int id = client;
                clients.add(Thread.ofVirtual().start(() -> {
                    for (int n = 0; running; n++) {
                        String email = "load-" + name + "-" + id + "-" + n + "@example.com";
                        HttpRequest.Builder request = switch (n % 4) {
                            case 0 -> post(lb, "/sign-up/email", "{\"name\":\"Load\",\"email\":\"" + email
                                    + "\",\"password\":\"" + PASSWORD + "\"}");
                            case 1 -> get(lb, "/get-session").header("Cookie", session.cookie());
                            case 2 -> get(lb, "/token").header("Cookie", session.cookie());
                            default -> get(lb, "/ok");
                        };
                        try {
                            var answer = send(request);
                            if (answer.statusCode() != 200 || (n % 4 == 1 && answer.body().equals("null"))) {
                                failures.add(Instant.now() + " " + answer.statusCode() + " " + answer.uri().getPath());
                            } else if (n % 4 == 0) {
                                acknowledged.add(email);
                            }
                        } catch (Exception e) {
                            failures.add(Instant.now() + " " + e.getClass().getSimpleName() + " " + request.build().uri().getPath());
                        }
                        served.incrementAndGet();
                    }
                }));
            }
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread client : clients) {
                client.join();
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
