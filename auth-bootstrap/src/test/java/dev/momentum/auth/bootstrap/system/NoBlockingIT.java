package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.blockhound.BlockHound;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * No request blocks an event loop or a Reactor worker that must not block: BlockHound watches the
 * whole service on PostgreSQL and SMTP while every kind of request goes through it, and the
 * background jobs (mail delivery, key refresh) run. A blocking call on such a thread is recorded
 * with its stack, not thrown, so that the test names every one.
 */
class NoBlockingIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static final String PASSWORD = "correct horse battery staple";
    private static final List<String> BLOCKING_CALLS = new CopyOnWriteArrayList<>();
    private static RunningService service;
    private static WebTestClient http;

    @BeforeAll
    static void start() {
        BlockHound.install(builder -> builder
                // the PostgreSQL driver reads /dev/urandom once per new connection, for its SCRAM
                // nonce and TLS context; connections are pooled and few (ADR-0020)
                .allowBlockingCallsInside("com.ongres.scram.common.ScramFunctions", "nonce")
                .allowBlockingCallsInside("sun.security.ssl.SSLContextImpl", "engineInit")
                .blockingMethodCallback(method -> {
            var where = new StringBuilder(method + " on " + Thread.currentThread().getName());
            for (StackTraceElement frame : new Throwable().getStackTrace()) {
                where.append("\n  at ").append(frame);
            }
            BLOCKING_CALLS.add(where.toString());
        }));
        service = RunningService.start(RunningService.onPostgresWithSmtp(TestPostgres.freshDatabase(),
                ServerSetupTest.SMTP.getPort(), "MAIL_POLL_INTERVAL", "100ms", "RATE_LIMIT_ENABLED", "true"));
        http = service.client().mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void blockHoundWhenAReactorWorkerSleepsThenTheCallIsRecorded() {
        int before = BLOCKING_CALLS.size();

        Mono.fromCallable(() -> {
            Thread.sleep(1);
            return true;
        }).subscribeOn(Schedulers.parallel()).block();

        assertThat(BLOCKING_CALLS).hasSizeGreaterThan(before);
        BLOCKING_CALLS.subList(before, BLOCKING_CALLS.size()).clear();
    }

    @Test
    void everyEndpointWhenCalledThenNothingBlocksANonBlockingThread() throws Exception {
        String email = "ada@example.com";
        post("/sign-up/email", null, """
                {"name":"Ada","email":"%s","password":"%s"}""".formatted(email, PASSWORD)).isOk();
        http.get().uri(URI.create(Mailbox.awaitVerificationLink(SMTP, email, 1))).exchange().expectStatus().isFound();
        String bearer = http.post().uri("/api/auth/sign-in/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"email":"%s","password":"%s"}""".formatted(email, PASSWORD))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseHeaders()
                .getFirst("set-auth-token");

        for (String path : List.of("/api/auth/get-session", "/api/auth/token", "/api/auth/jwks",
                "/api/auth/list-sessions", "/api/auth/list-accounts", "/health", "/livez", "/readyz", "/api/auth/ok",
                "/.well-known/openid-configuration")) {
            http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).exchange()
                    .expectStatus().isOk();
        }
        post("/update-user", bearer, """
                {"name":"Ada L."}""").isOk();
        post("/change-password", bearer, """
                {"currentPassword":"%s","newPassword":"%s!"}""".formatted(PASSWORD, PASSWORD)).isOk();
        post("/request-password-reset", null, """
                {"email":"%s","redirectTo":"%s/reset"}""".formatted(email, RunningService.FRONTEND)).isOk();
        post("/sign-in/email", null, """
                {"email":"%s","password":"wrong password"}""".formatted(email)).isUnauthorized();
        post("/sign-out", bearer, "{}").isOk();
        Mailbox.awaitVerificationLink(SMTP, email, 2);

        assertThat(BLOCKING_CALLS).isEmpty();
    }

    private static org.springframework.test.web.reactive.server.StatusAssertions post(String path, String bearer,
                                                                                        String json) {
        var request = http.post().uri("/api/auth" + path).header(HttpHeaders.ORIGIN, RunningService.FRONTEND)
                .contentType(MediaType.APPLICATION_JSON);
        if (bearer != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
        }
        return request.bodyValue(json).exchange().expectStatus();
    }
}
