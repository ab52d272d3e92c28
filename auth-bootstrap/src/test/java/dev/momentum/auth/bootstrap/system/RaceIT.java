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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

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
    private static final ObjectMapper JSON = new ObjectMapper();

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

    /**
     * An attacker's change-password, started with a session that a reset then revokes: the reset
     * commits while the attacker's request hashes, so without a re-check the attacker's password
     * would be written after the reset and win. Every round must end with the reset's password.
     */
    @Test
    void aChangeOfPasswordInFlightWhenAResetRevokesItsSessionFailsAndTheResetPasswordHolds() throws Exception {
        String email = "race-reset@example.com";
        JwtInteropIT.signedUpAndIn(service, SMTP, email);
        String current = JwtInteropIT.PASSWORD;
        int attackerRefused = 0;
        for (int round = 1; round <= 8; round++) {
            String attacker = signIn(email, current);
            assertThat(post("/request-password-reset", """
                    {"email":"%s","redirectTo":"/reset"}""".formatted(email), null).join().statusCode()).isEqualTo(200);
            String link = Mailbox.awaitVerificationLink(SMTP, email, round + 1);
            String token = link.replaceFirst(".*/reset-password/([^?]+).*", "$1");
            String attackerPassword = "attacker-password-" + round;
            String resetPassword = "reset-password-" + round;

            var change = post("/change-password", """
                    {"currentPassword":"%s","newPassword":"%s"}""".formatted(current, attackerPassword), attacker);
            var reset = post("/reset-password", """
                    {"token":"%s","newPassword":"%s"}""".formatted(token, resetPassword), null);

            assertThat(reset.join().statusCode()).isEqualTo(200);
            int changeStatus = change.join().statusCode();
            assertThat(changeStatus).isIn(200, 401);
            attackerRefused += changeStatus == 401 ? 1 : 0;
            assertThat(signInStatus(email, attackerPassword)).as("round %d", round).isEqualTo(401);
            current = resetPassword;
            assertThat(signInStatus(email, current)).isEqualTo(200);
            assertThat(get("/get-session", attacker).join().body()).isEqualTo("null");
        }
        LOG.info("8 change-passwords racing a reset that revokes their session: {} refused with 401, {} committed "
                + "before the reset; the reset's password held every time", attackerRefused, 8 - attackerRefused);
    }

    private static String signIn(String email, String password) {
        return post("/sign-in/email", """
                {"email":"%s","password":"%s"}""".formatted(email, password), null).join()
                .headers().firstValue("set-auth-token").orElseThrow();
    }

    private static int signInStatus(String email, String password) {
        return post("/sign-in/email", """
                {"email":"%s","password":"%s"}""".formatted(email, password), null).join().statusCode();
    }

    @Test
    void oneCodeOnFiveChallengesAtOnceSignsInOnceAndTheWinningChallengeIsSpent() throws Exception {
        String password = "a second factor racer's password";
        SignedIn user = SignedIn.as(service, database, "race-second-factor@example.com", password);
        JsonNode enrolment = JSON.readTree(post("/two-factor/enable", "{\"password\":\"" + password + "\"}",
                user.bearer()).join().body());
        AuthenticatorApp app = AuthenticatorApp.scanning(enrolment.get("totpURI").asString());
        assertThat(post("/two-factor/verify-totp", "{\"code\":\"" + app.code(0) + "\"}", user.bearer()).join()
                .statusCode()).isEqualTo(200);

        List<String> challenges = challengesOf(user.email(), password, 5);
        List<HttpResponse<String>> byApp = all(challenges.stream().map(challenge ->
                withCookie("/two-factor/verify-totp", "{\"code\":\"" + app.code(1) + "\"}", challenge)));
        String backupCode = enrolment.get("backupCodes").get(0).asString();
        List<HttpResponse<String>> byBackupCode = all(challengesOf(user.email(), password, 5).stream().map(challenge ->
                withCookie("/two-factor/verify-backup-code", "{\"code\":\"" + backupCode + "\"}", challenge)));

        assertThat(byApp).as(byApp.stream().map(answer -> answer.statusCode() + " " + answer.body()).toList().toString())
                .filteredOn(answer -> answer.statusCode() == 200).hasSize(1);
        assertThat(byApp).filteredOn(answer -> answer.statusCode() != 200)
                .allSatisfy(answer -> assertThat(answer.body()).contains("\"code\":\"INVALID_CODE\""));
        assertThat(byBackupCode).filteredOn(answer -> answer.statusCode() == 200).hasSize(1);
        assertThat(byBackupCode).allSatisfy(answer -> assertThat(answer.statusCode()).isIn(200, 401, 409));
        String winner = challenges.get(byApp.indexOf(byApp.stream().filter(answer -> answer.statusCode() == 200)
                .findFirst().orElseThrow()));
        HttpResponse<String> replayed = withCookie("/two-factor/verify-totp", "{\"code\":\"" + app.code(1) + "\"}",
                winner).join();
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("INVALID_TWO_FACTOR_COOKIE");
        assertThat(Rows.count(database, "SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id"
                + " WHERE u.email = ?", user.email())).as("the enrolment's session and the two sign-ins").isEqualTo(3);
    }

    /** Password sign-ins that each answer twoFactorRedirect: their two_factor cookies. */
    private static List<String> challengesOf(String email, String password, int count) {
        return all(IntStream.range(0, count).mapToObj(i -> post("/sign-in/email", """
                {"email":"%s","password":"%s"}""".formatted(email, password), null))).stream()
                .map(answer -> answer.headers().allValues("set-cookie").stream()
                        .filter(cookie -> cookie.startsWith("better-auth.two_factor=")).findFirst().orElseThrow()
                        .split(";", 2)[0])
                .toList();
    }

    private static CompletableFuture<HttpResponse<String>> withCookie(String path, String json, String cookie) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/auth" + path))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .header("Origin", RunningService.FRONTEND)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
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
