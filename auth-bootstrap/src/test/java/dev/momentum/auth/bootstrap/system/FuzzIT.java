package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Property-based fuzzing of the whole HTTP API on PostgreSQL: random and malformed methods,
 * paths, query strings, headers, cookies and bodies, sent to every endpoint in concurrent batches.
 * No answer may be a 5xx, every error must be a JSON {@code {code, message}}, and a user the
 * fuzzer knows nothing of must come out of it unchanged. It prints how many requests it sent.
 */
class FuzzIT {

    private static final int BATCH = 1_000;
    /** requests in flight at once: enough to keep both cores busy, well under the hashing queue (128) */
    private static final int IN_FLIGHT = 48;
    private static final String PASSWORD = "fuzzer-own-password";
    private static final String FRONTEND = RunningService.FRONTEND;
    private static final List<String> ENDPOINTS = List.of("/sign-up/email", "/sign-in/email", "/get-session",
            "/sign-out", "/verify-email", "/send-verification-email", "/request-password-reset", "/reset-password",
            "/reset-password/", "/change-password", "/update-user", "/change-email", "/delete-user",
            "/delete-user/callback", "/verify-password", "/list-sessions", "/revoke-session", "/revoke-sessions",
            "/revoke-other-sessions", "/update-session", "/list-accounts", "/token", "/jwks", "/ok", "/error");
    private static final List<String> ROOT_PATHS = List.of("/health", "/.well-known/openid-configuration",
            "/.well-known/oauth-authorization-server", "/", "/api", "/api/auth", "/api/auth/", "/livez", "/readyz",
            "/api/openapi.json", "/api/admin", "/api/admin/users", "/api/admin/audit-events");
    /** after /api/admin/users/{id}: reading, disabling, enabling, roles, sessions (rotating keys is left out: it only adds keys) */
    private static final List<String> ADMIN_USER_PATHS = List.of("", "/disable", "/enable", "/role", "/sessions");
    private static final List<String> FIELDS = List.of("email", "password", "name", "image", "callbackURL",
            "newPassword", "currentPassword", "token", "revokeOtherSessions", "rememberMe", "redirectTo", "newEmail",
            "reason", "role",
            "disableRefresh", "errorCallbackURL", "emailVerified", "id", "userId", "__proto__", "constructor");
    private static final List<String> QUERY_NAMES = List.of("token", "callbackURL", "disableRefresh",
            "disableCookieCache", "error", "errorCallbackURL", "redirectTo", "search", "limit", "offset", "userId",
            "email", "type", "outcome", "from", "to", "before");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static DatabaseUrl database;
    private static RunningService service;
    private static SignedIn fuzzer;
    /** the fuzzer is an administrator too, so the admin API is reached past its token check */
    private static String adminToken;
    private static String bystanderBefore;
    private static final AtomicLong sent = new AtomicLong();
    private static final AtomicLong serverErrors = new AtomicLong();
    private static final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private static long startedAt;

    record Probe(String method, String target, Map<String, String> headers, byte[] body) {

        @Override
        public String toString() {
            return method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target) + " " + headers + " "
                    + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
        }
    }

    @BeforeContainer
    static void start() throws Exception {
        database = TestPostgres.freshDatabase();
        service = RunningService.start(Map.of("DATABASE_URL", RunningService.databaseUrlOf(database),
                "CHANGE_EMAIL_ENABLED", "true", "DELETE_USER_ENABLED", "true", "ADMIN_EMAILS", "fuzzer@example.com"));
        SignedIn.as(service, database, "bystander@example.com", "bystander-password");
        fuzzer = SignedIn.as(service, database, "fuzzer@example.com", PASSWORD);
        adminToken = OurTokens.tokenFrom(service, fuzzer.bearer());
        bystanderBefore = bystander();
        startedAt = System.nanoTime();
    }

    @AfterContainer
    static void stop() {
        System.out.printf("[fuzz] %d requests in %.1f s, %d answered 5xx; by status: %s%n", sent.get(),
                (System.nanoTime() - startedAt) / 1e9, serverErrors.get(), new TreeMap<>(statuses));
        service.close();
    }

    @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
    void anyRequestGetsAClearAnswerAndLeavesOtherUsersAlone(@ForAll("batches") List<Probe> batch) throws Exception {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        for (Probe probe : batch) {
            inFlight.acquire();
            answers.add(HTTP.sendAsync(request(probe), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((answer, failure) -> inFlight.release()));
        }
        for (int i = 0; i < batch.size(); i++) {
            HttpResponse<String> answer = answers.get(i).join();
            sent.incrementAndGet();
            statuses.computeIfAbsent(answer.statusCode(), status -> new LongAdder()).increment();
            if (answer.statusCode() >= 500) {
                serverErrors.incrementAndGet();
            }
            assertThat(answer.statusCode()).as("%s ← %s", answer.body(), batch.get(i)).isLessThan(500);
            if (answer.statusCode() >= 400 && !batch.get(i).method().equals("HEAD")) {
                assertThat(isProblem(answer.body())).as("%d %s ← %s", answer.statusCode(), answer.body(),
                        batch.get(i)).isTrue();
            }
        }
        assertThat(bystander()).as("the bystander's user, account and sessions").isEqualTo(bystanderBefore);
    }

    private static boolean isProblem(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path("code").isString() && node.path("message").isString();
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static HttpRequest request(Probe probe) {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + probe.target()))
                .timeout(Duration.ofSeconds(30))
                .method(probe.method(), probe.body().length == 0 && !probe.method().equals("POST")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
        probe.headers().forEach(request::header);
        return request.build();
    }

    private static String bystander() throws Exception {
        String rows = Rows.text(database, """
                SELECT row_to_json(u)::text || row_to_json(a)::text
                       || COALESCE((SELECT json_agg(s ORDER BY s.id)::text FROM sessions s WHERE s.user_id = u.id), '')
                FROM users u JOIN accounts a ON a.user_id = u.id WHERE u.email = 'bystander@example.com'""");
        return rows == null ? "gone" : rows;
    }

    @Provide
    Arbitrary<List<Probe>> batches() {
        return probes().list().ofSize(BATCH);
    }

    private Arbitrary<Probe> probes() {
        return Combinators.combine(methods(), targets(), headers(), bodies()).as(Probe::new);
    }

    private Arbitrary<String> methods() {
        return Arbitraries.frequencyOf(Tuple.of(10, Arbitraries.just("POST")), Tuple.of(6, Arbitraries.just("GET")),
                Tuple.of(1, Arbitraries.of("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FUZZ")));
    }

    private Arbitrary<String> targets() {
        Arbitrary<String> api = Arbitraries.of(ENDPOINTS).map(path -> "/api/auth" + path);
        Arbitrary<String> tokenPath = junk(80).map(token -> "/api/auth/reset-password/" + encode(token));
        Arbitrary<String> odd = Arbitraries.of("/api/auth/%2e%2e/health", "/api/auth/sign-in/email/", "/api/auth//token",
                "/api/auth/sign-in/EMAIL", "/api/auth/sign-in/email;x=1", "/api/auth/%00", "/api/auth/sign-in%2Femail",
                "/api/auth/" + "a".repeat(3000), "/../../etc/passwd", "/api/auth/jwks?%ff=%fe");
        Arbitrary<String> adminUser = Combinators.combine(junk(40), Arbitraries.of(ADMIN_USER_PATHS))
                .as((id, action) -> "/api/admin/users/" + encode(id) + action);
        Arbitrary<String> path = Arbitraries.frequencyOf(Tuple.of(12, api), Tuple.of(2, Arbitraries.of(ROOT_PATHS)),
                Tuple.of(1, tokenPath), Tuple.of(1, odd), Tuple.of(2, adminUser));
        Arbitrary<String> query = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(QUERY_NAMES), junk(10)),
                        values()).ofMaxSize(3)
                .map(parameters -> parameters.isEmpty() ? "" : "?" + String.join("&", parameters.entrySet().stream()
                        .map(parameter -> encode(parameter.getKey()) + "=" + encode(parameter.getValue())).toList()));
        return Combinators.combine(path, query).as((p, q) -> p.contains("?") ? p : p + q);
    }

    private Arbitrary<Map<String, String>> headers() {
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json; charset=utf-8",
                "application/json; charset=latin1", "text/plain", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/xml", "*/*", "application/json;;", "garbage", "");
        Arbitrary<String> origin = Arbitraries.of(FRONTEND, "http://evil.example", "null", "http://localhost:3000.evil",
                "file://", "http://localhost:3000/", FRONTEND.toUpperCase());
        Arbitrary<String> cookie = Arbitraries.oneOf(Arbitraries.just(fuzzer.cookie()),
                printable(60).map(value -> "better-auth.session_token=" + value),
                Arbitraries.just(fuzzer.cookie() + "x"), Arbitraries.just(fuzzer.cookie().replace('.', '%')),
                Arbitraries.just(fuzzer.cookie() + "; better-auth.dont_remember=true"), printable(200),
                Arbitraries.just("better-auth.session_token=" + fuzzer.bearer() + ".AAAA"));
        Arbitrary<String> authorization = Arbitraries.oneOf(Arbitraries.just("Bearer " + fuzzer.bearer()),
                Arbitraries.just("Bearer " + adminToken), Arbitraries.just("Bearer " + adminToken + "x"),
                printable(80).map(token -> "Bearer " + token), Arbitraries.just("Basic YTpi"), printable(100),
                Arbitraries.just("Bearer " + fuzzer.bearer() + "x"), Arbitraries.just("Bearer "));
        Arbitrary<String> forwarded = Arbitraries.oneOf(printable(60), Arbitraries.of("1.2.3.4", "::1, 10.0.0.1",
                "for=\"[2001:db8::1]:80\"", "unknown", "999.999.999.999"));
        Arbitrary<Map.Entry<String, String>> header = Arbitraries.frequencyOf(
                Tuple.of(6, contentType.map(value -> Map.entry("Content-Type", value))),
                Tuple.of(3, origin.map(value -> Map.entry("Origin", value))),
                Tuple.of(3, cookie.map(value -> Map.entry("Cookie", value))),
                Tuple.of(3, authorization.map(value -> Map.entry("Authorization", value))),
                Tuple.of(1, forwarded.map(value -> Map.entry("X-Forwarded-For", value))),
                Tuple.of(1, forwarded.map(value -> Map.entry("Forwarded", value))),
                Tuple.of(1, printable(40).map(value -> Map.entry("Accept", value))),
                Tuple.of(1, printable(40).map(value -> Map.entry("Accept-Encoding", value))),
                Tuple.of(1, printable(40).map(value -> Map.entry("Referer", value))),
                Tuple.of(1, printable(9_000).map(value -> Map.entry("X-Big", value))),
                Tuple.of(1, Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(20),
                        printable(40)).as((name, value) -> Map.entry("X-" + name, value))));
        return header.list().ofMaxSize(6).map(entries -> {
            Map<String, String> headers = new LinkedHashMap<>();
            entries.forEach(entry -> headers.putIfAbsent(entry.getKey(), entry.getValue()));
            return headers;
        });
    }

    private Arbitrary<byte[]> bodies() {
        Arbitrary<byte[]> object = Arbitraries.maps(Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(FIELDS)),
                        Tuple.of(1, junk(20))), jsonValues(2)).ofMaxSize(6)
                .map(fields -> JSON.writeValueAsBytes(fields));
        Arbitrary<byte[]> broken = object.flatMap(bytes -> Arbitraries.integers().between(0, bytes.length)
                .map(cut -> java.util.Arrays.copyOf(bytes, cut)));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
        Arbitrary<byte[]> nested = Arbitraries.integers().between(10, 40)
                .map(depth -> ("{\"email\":" + "[".repeat(depth) + "1" + "]".repeat(depth) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> special = Arbitraries.of("", "null", "[]", "\"x\"", "1e999999", "{}", "{\"email\":null}",
                "{\"email\":\"a@b.c\",\"email\":\"d@e.f\"}", "\uFEFF{}", "{\"password\":\"" + "x".repeat(70_000) + "\"}")
                .map(text -> text.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.frequencyOf(Tuple.of(12, object), Tuple.of(3, broken), Tuple.of(2, raw),
                Tuple.of(1, nested), Tuple.of(2, special), Tuple.of(4, Arbitraries.just(new byte[0])));
    }

    private Arbitrary<Object> jsonValues(int depth) {
        List<Tuple.Tuple2<Integer, Arbitrary<?>>> choices = new ArrayList<>(List.of(
                Tuple.of(8, values().injectNull(0.1)),
                Tuple.of(2, Arbitraries.of(true, false)),
                Tuple.of(2, Arbitraries.longs()),
                Tuple.of(1, Arbitraries.bigDecimals().ofScale(5).map(BigDecimal::negate)),
                Tuple.of(1, Arbitraries.doubles())));
        if (depth > 0) {
            choices.add(Tuple.of(1, jsonValues(depth - 1).list().ofMaxSize(3)));
            choices.add(Tuple.of(1, Arbitraries.maps(Arbitraries.of(FIELDS), jsonValues(depth - 1)).ofMaxSize(3)));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Arbitrary<Object> value = Arbitraries.frequencyOf(choices.toArray(new Tuple.Tuple2[0]));
        return value;
    }

    /** Strings a field could hold: the plausible ones, the fuzzer's own, and junk. */
    private Arbitrary<String> values() {
        Arbitrary<String> emails = Arbitraries.oneOf(Arbitraries.of("fuzzer@example.com", "bystander@example.com",
                        "FUZZER@EXAMPLE.COM", "a@b", "@example.com", "a@@b.c", "a@b.c\r\nBcc: x@evil.com",
                        "\"quoted\"@example.com", "a@[127.0.0.1]", "ü@exämple.com"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10).map(local -> local + "@example.com"));
        Arbitrary<String> passwords = Arbitraries.oneOf(Arbitraries.just(PASSWORD),
                Arbitraries.strings().ascii().ofMinLength(8).ofMaxLength(40));
        Arbitrary<String> urls = Arbitraries.of("/", "/dashboard", FRONTEND + "/x", "http://evil.example/x",
                "//evil.example", "/\\evil.example", "javascript:alert(1)", "http://localhost:3000@evil.example",
                "data:text/html,x", "https://[::1]/", "%2F%2Fevil.example");
        return Arbitraries.frequencyOf(Tuple.of(2, emails), Tuple.of(2, passwords), Tuple.of(2, urls),
                Tuple.of(1, Arbitraries.just(fuzzer.bearer())), Tuple.of(6, junk(60)),
                Tuple.of(1, junk(3_000)));
    }

    /** Any characters: control characters, NUL, lone surrogates, right-to-left marks. */
    private static Arbitrary<String> junk(int maxLength) {
        return Arbitraries.strings().all().ofMaxLength(maxLength);
    }

    /** What an HTTP header value may hold. */
    private static Arbitrary<String> printable(int maxLength) {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(maxLength);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
