package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests that race each other over HTTP, on PostgreSQL: the answers stay well-formed, and the
 * database ends up as if they had come one by one.
 */
class RaceIT {

    private static final Logger LOG = LoggerFactory.getLogger(RaceIT.class);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private static DatabaseUrl database;
    private static RunningService service;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() {
        database = TestPostgres.freshDatabase();
        service = RunningService.start(RunningService.onPostgresWithSmtp(database, ServerSetupTest.SMTP.getPort(),
                "MAIL_POLL_INTERVAL", "100ms"));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void twoHundredConcurrentSignUpsWithOneAddressMakeOneUserAndSendOneMail() throws Exception {
        String email = "race-sign-up@example.com";
        List<HttpResponse<String>> answers = all(IntStream.range(0, 200).mapToObj(i -> post("/sign-up/email", """
                {"name":"Racer %d","email":"%s","password":"password-number-%d"}""".formatted(i, email, i), null)));

        // 200, or 503 when the bounded hashing queue sheds the excess: never anything else
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(200, 503));
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).isNotEmpty();
        assertThat(Rows.count(database, "SELECT COUNT(*) FROM users WHERE email = ?", email)).isEqualTo(1);
        assertThat(Rows.count(database,
                "SELECT COUNT(*) FROM accounts a JOIN users u ON u.id = a.user_id WHERE u.email = ?", email)).isEqualTo(1);
        Mailbox.awaitVerificationLink(SMTP, email, 1);
        Thread.sleep(1000);
        assertThat(Mailbox.to(SMTP, email)).hasSize(1);
        LOG.info("200 concurrent sign-ups with one address: {} answered 200, {} answered 503; 1 user, 1 mail",
                answers.stream().filter(answer -> answer.statusCode() == 200).count(),
                answers.stream().filter(answer -> answer.statusCode() == 503).count());
    }

    @Test
    void concurrentOpeningsOfOneVerificationLinkVerifyOnceAndStartOneSession() throws Exception {
        String email = "race-verify@example.com";
        assertThat(post("/sign-up/email", """
                {"name":"Ada","email":"%s","password":"a-long-password"}""".formatted(email), null).join().statusCode())
                .isEqualTo(200);
        URI link = URI.create(Mailbox.awaitVerificationLink(SMTP, email, 1));

        List<HttpResponse<String>> answers = all(IntStream.range(0, 20)
                .mapToObj(i -> HTTP.sendAsync(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString())));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(200, 302));
        assertThat(answers).filteredOn(answer -> answer.headers().firstValue("set-cookie").isPresent()).hasSize(1);
        assertThat(Rows.count(database,
                "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?", email)).isEqualTo(1);
        assertThat(Rows.count(database, "SELECT COUNT(*) FROM users WHERE email_verified AND email = ?", email))
                .isEqualTo(1);
    }

    @Test
    void aSignOutAmongConcurrentGetSessionsEndsTheSessionForEveryLaterRequest() throws Exception {
        String bearer = JwtInteropIT.signedUpAndIn(service, SMTP, "race-sign-out@example.com");
        List<CompletableFuture<HttpResponse<String>>> reads = IntStream.range(0, 100)
                .mapToObj(i -> get("/get-session", bearer)).toList();
        HttpResponse<String> signOut = post("/sign-out", "{}", bearer).join();

        assertThat(signOut.statusCode()).isEqualTo(200);
        assertThat(all(reads.stream())).allSatisfy(answer -> {
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).satisfiesAnyOf(body -> assertThat(body).isEqualTo("null"),
                    body -> assertThat(body).contains("\"session\""));
        });
        assertThat(get("/get-session", bearer).join().body()).isEqualTo("null");
        assertThat(get("/token", bearer).join().statusCode()).isEqualTo(401);
    }

    private static CompletableFuture<HttpResponse<String>> post(String path, String json, String bearer) {
        var request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/auth" + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> get(String path, String bearer) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/auth" + path))
                .header("Authorization", "Bearer " + bearer).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<HttpResponse<String>> all(java.util.stream.Stream<CompletableFuture<HttpResponse<String>>> calls) {
        return calls.toList().stream().map(CompletableFuture::join).toList();
    }
}
