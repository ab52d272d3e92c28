package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import com.jayway.jsonpath.JsonPath;
import dev.momentum.auth.adapter.persistence.TestPostgres;
import dev.momentum.auth.domain.token.TokenHash;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

/**
 * The whole service on PostgreSQL with a real SMTP server, driven over HTTP the way a frontend
 * drives it: sign-up, the mailed link, sign-in, get-session, sign-out, and every error path.
 */
class SignUpFlowSystemIT {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    static final String PASSWORD = "correct horse battery staple";
    static DatabaseUrl database;
    static RunningService service;
    static WebTestClient http;

    @BeforeAll
    static void start() {
        database = TestPostgres.freshDatabase();
        service = RunningService.start(RunningService.onPostgresWithSmtp(database, ServerSetupTest.SMTP.getPort(),
                "EMAIL_FROM", "Auth <noreply@example.com>",
                "CHANGE_EMAIL_ENABLED", "true",
                "DELETE_USER_ENABLED", "true"));
        http = service.client();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    static String newEmail() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static ResponseSpec post(String path, String json) {
        return http.post().uri("/api/auth" + path).header(HttpHeaders.ORIGIN, RunningService.FRONTEND)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    static ResponseSpec signUp(String email, String password) {
        return post("/sign-up/email", """
                {"name":"Ada","email":"%s","password":"%s","callbackURL":"%s/welcome"}"""
                .formatted(email, password, RunningService.FRONTEND));
    }

    static ResponseSpec signIn(String email, String password) {
        return post("/sign-in/email", """
                {"email":"%s","password":"%s"}""".formatted(email, password));
    }

    static void signUpAndVerify(String email) throws Exception {
        signUp(email, PASSWORD).expectStatus().isOk();
        String link = Mailbox.awaitVerificationLink(SMTP, email, 1);
        http.get().uri(URI.create(link)).exchange().expectStatus().isFound();
    }

    static long count(String sql, String email) throws Exception {
        return Rows.count(database, sql, email);
    }

    static long users(String email) throws Exception {
        return count("SELECT COUNT(*) FROM users WHERE email = ?", email);
    }

    @Test
    void wholeFlowWhenFrontendSignsUpVerifiesSignsInAndOutThenEveryStepAnswersAsBetterAuth() throws Exception {
        String email = newEmail();

        signUp(email.toUpperCase(), PASSWORD).expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody()
                .jsonPath("$.token").isEmpty()
                .jsonPath("$.user.email").isEqualTo(email)
                .jsonPath("$.user.emailVerified").isEqualTo(false)
                .jsonPath("$.user.image").isEmpty()
                .jsonPath("$.user.createdAt").value(value -> assertThat((String) value)
                        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));

        signIn(email, PASSWORD).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("EMAIL_NOT_VERIFIED");

        String link = Mailbox.awaitVerificationLink(SMTP, email, 1);
        assertThat(link).startsWith(service.baseUrl() + "/api/auth/verify-email?token=")
                .endsWith("&callbackURL=" + java.net.URLEncoder.encode(RunningService.FRONTEND + "/welcome",
                        java.nio.charset.StandardCharsets.UTF_8));
        var verified = http.get().uri(URI.create(link)).exchange()
                .expectStatus().isFound()
                .expectHeader().location(RunningService.FRONTEND + "/welcome")
                .expectHeader().exists("set-auth-token")
                .returnResult(Void.class);
        assertThat(verified.getResponseCookies().getFirst("better-auth.session_token")).isNotNull();

        var signedIn = signIn(email, PASSWORD).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.redirect").isEqualTo(false)
                .jsonPath("$.token").isNotEmpty()
                .jsonPath("$.user.emailVerified").isEqualTo(true)
                .returnResult();
        ResponseCookie cookie = signedIn.getResponseCookies().getFirst("better-auth.session_token");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Lax");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getMaxAge().toSeconds()).isEqualTo(604800);
        String bearer = signedIn.getResponseHeaders().getFirst("set-auth-token");
        assertThat(java.net.URLDecoder.decode(cookie.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(bearer);

        http.get().uri("/api/auth/get-session").cookie(cookie.getName(), cookie.getValue()).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody()
                .jsonPath("$.user.email").isEqualTo(email)
                .jsonPath("$.session.token").isEqualTo(bearer.substring(0, bearer.indexOf('.')))
                .jsonPath("$.session.expiresAt").isNotEmpty();
        http.get().uri("/api/auth/get-session").header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.user.email").isEqualTo(email);

        var signedOut = http.post().uri("/api/auth/sign-out").header(HttpHeaders.ORIGIN, RunningService.FRONTEND)
                .cookie(cookie.getName(), cookie.getValue()).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.success").isEqualTo(true).returnResult();
        assertThat(signedOut.getResponseCookies().getFirst("better-auth.session_token").getMaxAge()).isZero();

        http.get().uri("/api/auth/get-session").cookie(cookie.getName(), cookie.getValue()).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("null");
        http.get().uri("/api/auth/get-session").header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("null");
    }

    @Test
    void verifyEmailWhenLinkOpenedTwiceThenSecondVisitStartsNoSession() throws Exception {
        String email = newEmail();
        signUp(email, PASSWORD).expectStatus().isOk();
        String link = Mailbox.awaitVerificationLink(SMTP, email, 1);
        http.get().uri(URI.create(link)).exchange().expectStatus().isFound();
        long sessions = count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?", email);

        var again = http.get().uri(URI.create(link)).exchange().expectStatus().isFound().returnResult(Void.class);

        assertThat(again.getResponseCookies()).doesNotContainKey("better-auth.session_token");
        assertThat(count("SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?", email))
                .isEqualTo(sessions);
    }

    @Test
    void verifyEmailWhenTokenForgedThenErrorToCallbackOrUnauthorized() {
        http.get().uri("/api/auth/verify-email?token=forged&callbackURL=/done").exchange()
                .expectStatus().isFound().expectHeader().location("/done?error=INVALID_TOKEN");
        http.get().uri("/api/auth/verify-email?token=forged").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void signUpWhenEmailTakenThenSameAnswerNoSecondUserNoSecondMail() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);

        signUp(email, "another password 123").expectStatus().isOk()
                .expectBody().jsonPath("$.token").isEmpty().jsonPath("$.user.emailVerified").isEqualTo(false);

        Thread.sleep(300);
        assertThat(users(email)).isEqualTo(1);
        assertThat(Mailbox.to(SMTP, email)).hasSize(1);
        signIn(email, "another password 123").expectStatus().isUnauthorized();
    }

    @Test
    void signUpWhenPasswordTooShortOrTooLongThenRefusedAndNothingStored() throws Exception {
        String email = newEmail();

        signUp(email, "1234567").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("PASSWORD_TOO_SHORT")
                .jsonPath("$.message").isEqualTo("Password too short");
        signUp(email, "x".repeat(129)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("PASSWORD_TOO_LONG");
        assertThat(users(email)).isZero();
    }

    @Test
    void signUpWhenEmailInvalidThenValidationError() {
        signUp("not-an-email", PASSWORD).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void signInWhenWrongPasswordOrUnknownEmailThenTheSameAnswer() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);

        byte[] wrongPassword = signIn(email, "wrong password 1").expectStatus().isUnauthorized()
                .expectBody().returnResult().getResponseBody();
        byte[] unknownEmail = signIn(newEmail(), PASSWORD).expectStatus().isUnauthorized()
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(wrongPassword)).isEqualTo(new String(unknownEmail))
                .isEqualTo("{\"code\":\"INVALID_EMAIL_OR_PASSWORD\",\"message\":\"Invalid email or password\"}");
    }

    @Test
    void signInWhenEmailMalformedThenInvalidEmail() {
        signIn("nope", PASSWORD).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_EMAIL");
    }

    @Test
    void signInWhenRememberMeFalseThenBrowserSessionCookieAndDontRemember() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);

        var result = post("/sign-in/email", """
                {"email":"%s","password":"%s","rememberMe":false}""".formatted(email, PASSWORD))
                .expectStatus().isOk().returnResult(Void.class);

        assertThat(result.getResponseCookies().getFirst("better-auth.session_token").getMaxAge().isNegative()).isTrue();
        assertThat(result.getResponseCookies().getFirst("better-auth.dont_remember")).isNotNull();
    }

    @Test
    void signInWhenCallbackUrlThenRedirectFlagUrlAndLocation() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);

        post("/sign-in/email", """
                {"email":"%s","password":"%s","callbackURL":"/dashboard"}""".formatted(email, PASSWORD))
                .expectStatus().isOk()
                .expectHeader().location("/dashboard")
                .expectBody().jsonPath("$.redirect").isEqualTo(true).jsonPath("$.url").isEqualTo("/dashboard");
    }

    @Test
    void requestsWhenMalformedThenClearFourHundredsAndNothingStored() throws Exception {
        long usersBefore = count("SELECT COUNT(*) FROM users WHERE email <> ?", "");
        post("/sign-up/email", "{\"email\":").expectStatus().isBadRequest()
                .expectBody().json("{\"code\":\"BAD_REQUEST\",\"message\":\"Invalid JSON in request body\"}");
        http.post().uri("/api/auth/sign-up/email").contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
        post("/sign-up/email", "{\"name\":1,\"email\":[],\"password\":{}}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
        post("/sign-up/email", "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").value(message -> assertThat((String) message)
                        .contains("[body.name]", "[body.email]", "[body.password]"));
        post("/sign-up/email", "{\"name\":\"Ada\",\"email\":\"" + newEmail() + "\",\"password\":\"Sunshine1\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PASSWORD_COMPROMISED");
        post("/sign-up/email", "{\"name\":\"" + "x".repeat(1_100_000) + "\"}").expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("PAYLOAD_TOO_LARGE");
        http.get().uri("/api/auth/ok").header("X-Padding", "x".repeat(9000)).exchange()
                .expectStatus().isEqualTo(431).expectBody().jsonPath("$.code").isEqualTo("REQUEST_HEADER_FIELDS_TOO_LARGE");
        // found by FuzzIT: each was answered without a JSON body, or with 500
        http.get().uri("/api/auth/ok?q=" + "x".repeat(9000)).exchange()
                .expectStatus().isEqualTo(414).expectBody().jsonPath("$.code").isEqualTo("URI_TOO_LONG");
        http.get().uri(URI.create(service.baseUrl() + "/api/auth/%2e%2e/health")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("BAD_REQUEST");
        var garbageType = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create(service.baseUrl() + "/api/auth/sign-up/email")).header("Content-Type", "garbage")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(garbageType.statusCode()).isEqualTo(415);
        assertThat(garbageType.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
        http.get().uri("/api/auth/no-such-route").exchange()
                .expectStatus().isNotFound().expectBody().json("{\"code\":\"NOT_FOUND\",\"message\":\"Not Found\"}");
        assertThat(count("SELECT COUNT(*) FROM users WHERE email <> ?", "")).isEqualTo(usersBefore);
    }

    @Test
    void signInWhileHoldingASessionThenThatSessionEndsAndOnlyTheNewOneWorks() throws Exception {
        SignedIn first = SignedIn.as(service, database, newEmail(), PASSWORD);

        String second = http.post().uri("/api/auth/sign-in/email")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + first.bearer()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\":\"" + first.email() + "\",\"password\":\"" + PASSWORD + "\"}")
                .exchange().expectStatus().isOk().returnResult(Void.class).getResponseHeaders()
                .getFirst("set-auth-token");

        http.get().uri("/api/auth/get-session").header(HttpHeaders.AUTHORIZATION, "Bearer " + first.bearer())
                .exchange().expectBody(String.class).isEqualTo("null");
        http.get().uri("/api/auth/get-session").header(HttpHeaders.AUTHORIZATION, "Bearer " + second)
                .exchange().expectBody().jsonPath("$.user.email").isEqualTo(first.email());
    }

    @Test
    void postsWhenForeignOriginThenRefusedBeforeAnyWork() {
        String email = newEmail();

        http.post().uri("/api/auth/sign-up/email").header(HttpHeaders.ORIGIN, "https://evil.example")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\":\"x\",\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("INVALID_ORIGIN");
        http.post().uri("/api/auth/sign-out").cookie("better-auth.session_token", "x")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("MISSING_OR_NULL_ORIGIN");
        post("/sign-in/email", "{\"email\":\"a@example.com\",\"password\":\"x\",\"callbackURL\":\"https://evil.example/\"}")
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("INVALID_CALLBACK_URL");
        http.post().uri("/api/auth/sign-in/email").header("Sec-Fetch-Site", "cross-site").header("Sec-Fetch-Mode", "navigate")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("CROSS_SITE_NAVIGATION_LOGIN_BLOCKED");
    }

    @Test
    void corsWhenFrontendPreflightsThenAllowedWithCredentialsAndExposedHeaders() {
        http.options().uri("/api/auth/sign-in/email").header(HttpHeaders.ORIGIN, RunningService.FRONTEND)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, RunningService.FRONTEND)
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        http.get().uri("/api/auth/ok").header(HttpHeaders.ORIGIN, RunningService.FRONTEND).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, value -> assertThat(value)
                        .contains("set-auth-token"));
    }

    @Test
    void sendVerificationEmailWhenUnknownOrUnverifiedThenSameAnswerAndMailOnlyForTheUser() throws Exception {
        String email = newEmail();
        signUp(email, PASSWORD).expectStatus().isOk();
        Mailbox.awaitVerificationLink(SMTP, email, 1);

        post("/send-verification-email", "{\"email\":\"" + email + "\"}").expectStatus().isOk()
                .expectBody().json("{\"status\":true}");
        post("/send-verification-email", "{\"email\":\"" + newEmail() + "\"}").expectStatus().isOk()
                .expectBody().json("{\"status\":true}");

        String second = Mailbox.awaitVerificationLink(SMTP, email, 2);
        http.get().uri(URI.create(second)).exchange().expectStatus().isFound();
        signIn(email, PASSWORD).expectStatus().isOk();
    }

    @Test
    void healthAndOkWhenDatabaseUpThenOk() {
        http.get().uri("/health").exchange().expectStatus().isOk()
                .expectBody().json("{\"status\":\"ok\",\"database\":\"up\"}");
        http.get().uri("/api/auth/ok").exchange().expectStatus().isOk().expectBody().json("{\"ok\":true}");
    }

    @Test
    void responsesCarrySecurityHeaders() {
        http.get().uri("/api/auth/ok").exchange()
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }

    static String bearerOf(String email) {
        return signIn(email, PASSWORD).expectStatus().isOk().returnResult(Void.class)
                .getResponseHeaders().getFirst("set-auth-token");
    }

    static String sessionCookieOf(String email) {
        return signIn(email, PASSWORD).expectStatus().isOk().returnResult(Void.class)
                .getResponseCookies().getFirst("better-auth.session_token").getValue();
    }

    static ResponseSpec getWithBearer(String path, String bearer) {
        return http.get().uri("/api/auth" + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).exchange();
    }

    static ResponseSpec postWithBearer(String path, String bearer, String json) {
        return http.post().uri("/api/auth" + path).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void listSessionsWhenSignedInOnTwoDevicesThenOwnTokenAndOnlyHandlesOfOthers() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        String laptop = bearerOf(email);
        String phone = bearerOf(email);
        String laptopToken = laptop.substring(0, laptop.indexOf('.'));
        String phoneToken = phone.substring(0, phone.indexOf('.'));

        byte[] listed = getWithBearer("/list-sessions", laptop).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[?(@.token == '%s')]".formatted(laptopToken)).exists()
                .returnResult().getResponseBodyContent();
        String body = new String(listed);

        assertThat(body).as("another device's bearer credential is never shown").doesNotContain(phoneToken);
    }

    @Test
    void revokeSessionWhenHandleFromListThenThatDeviceIsSignedOutAtOnce() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        String laptop = bearerOf(email);
        String phone = bearerOf(email);
        String phoneSessionId = JsonPath.read(getWithBearer("/get-session", phone).expectBody(String.class)
                .returnResult().getResponseBody(), "$.session.id");

        postWithBearer("/revoke-session", laptop, "{\"token\":\"" + phoneSessionId + "\"}")
                .expectStatus().isOk().expectBody().json("{\"status\":true}");

        getWithBearer("/get-session", phone).expectStatus().isOk().expectBody(String.class).isEqualTo("null");
        getWithBearer("/get-session", laptop).expectStatus().isOk().expectBody().jsonPath("$.user.email").isEqualTo(email);
    }

    /**
     * As another instance or an operator would: the change reaches this instance by the database's
     * notices, within the bound the operations guide states (ADR-0036, ADR-0042).
     */
    @Test
    void getSessionWhenTheUserOrSessionChangedByPlainSqlBehindTheServiceThenItAnswersTheChangeWithinASecond()
            throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        String phone = bearerOf(email);
        String laptop = bearerOf(email);
        for (String device : List.of(phone, laptop, phone, laptop)) {
            getWithBearer("/get-session", device).expectBody().jsonPath("$.user.name").isEqualTo("Ada");
        }

        Rows.update(database, "UPDATE users SET name = 'Ada by hand' WHERE email = ?", email);
        awaitGetSession(phone, "\"name\":\"Ada by hand\"");
        awaitGetSession(laptop, "\"name\":\"Ada by hand\"");

        Rows.update(database, "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = ?",
                TokenHash.of(phone.substring(0, phone.lastIndexOf('.'))).hex());
        awaitGetSession(phone, "null");
        getWithBearer("/get-session", laptop).expectBody().jsonPath("$.user.name").isEqualTo("Ada by hand");

        Rows.update(database, "UPDATE users SET disabled = true WHERE email = ?", email);
        awaitGetSession(laptop, "null");

        Rows.update(database, "UPDATE users SET disabled = false WHERE email = ?", email);
        awaitGetSession(laptop, "\"name\":\"Ada by hand\"");
        Rows.update(database, "DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?)", email);
        awaitGetSession(laptop, "null");
    }

    private static void awaitGetSession(String bearer, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        String body = null;
        while (System.nanoTime() < deadline && (body == null || !body.contains(expected))) {
            body = getWithBearer("/get-session", bearer).expectBody(String.class).returnResult().getResponseBody();
            Thread.sleep(20);
        }
        assertThat(body).contains(expected);
    }

    @Test
    void revokeOtherSessionsAndRevokeSessionsThenOnlyTheCallerAndThenNobody() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        String laptop = bearerOf(email);
        String phone = bearerOf(email);

        postWithBearer("/revoke-other-sessions", laptop, "{}").expectStatus().isOk().expectBody().json("{\"status\":true}");
        getWithBearer("/get-session", phone).expectBody(String.class).isEqualTo("null");
        getWithBearer("/get-session", laptop).expectBody().jsonPath("$.user.email").isEqualTo(email);

        var all = postWithBearer("/revoke-sessions", laptop, "{}").expectStatus().isOk().returnResult(Void.class);
        assertThat(all.getResponseCookies().getFirst("better-auth.session_token").getMaxAge()).isZero();
        getWithBearer("/get-session", laptop).expectBody(String.class).isEqualTo("null");
    }

    @Test
    void sessionRoutesWhenNoSessionOrBadInputThenBetterAuthErrors() throws Exception {
        getWithBearer("/list-sessions", "nobody").expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
        postWithBearer("/revoke-session", "nobody", "{}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
        postWithBearer("/revoke-session", "nobody", "{\"token\":\"x\"}").expectStatus().isUnauthorized();
        postWithBearer("/revoke-sessions", "nobody", "{}").expectStatus().isUnauthorized();
        postWithBearer("/update-session", "nobody", "{}").expectStatus().isUnauthorized();
        getWithBearer("/list-accounts", "nobody").expectStatus().isUnauthorized();

        String email = newEmail();
        signUpAndVerify(email);
        postWithBearer("/update-session", bearerOf(email), "{\"ipAddress\":\"1.2.3.4\"}").expectStatus().isBadRequest()
                .expectBody().json("{\"code\":\"NO_FIELDS_TO_UPDATE\",\"message\":\"No fields to update\"}");
    }

    @Test
    void listAccountsThenTheCredentialAccountWithoutSecrets() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);

        byte[] listed = getWithBearer("/list-accounts", bearerOf(email)).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].providerId").isEqualTo("credential")
                .jsonPath("$[0].scopes").isEmpty()
                .returnResult().getResponseBodyContent();
        assertThat(new String(listed)).doesNotContain("password", "argon2");
    }

    @Test
    void getSessionWhenRefreshDisabledByQueryThenStillAnswers() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);

        getWithBearer("/get-session?disableRefresh=true&disableCookieCache=true", bearerOf(email))
                .expectStatus().isOk().expectBody().jsonPath("$.user.email").isEqualTo(email);
    }

    static String requestResetAndFollowLink(String email, int mailNumber) throws Exception {
        post("/request-password-reset", "{\"email\":\"%s\",\"redirectTo\":\"%s/reset\"}"
                .formatted(email, RunningService.FRONTEND)).expectStatus().isOk()
                .expectBody().json("{\"status\":true,\"message\":\"If this email exists in our system, check your email for the reset link\"}");
        String link = Mailbox.awaitVerificationLink(SMTP, email, mailNumber);
        assertThat(link).contains("/api/auth/reset-password/").endsWith("?callbackURL="
                + java.net.URLEncoder.encode(RunningService.FRONTEND + "/reset", java.nio.charset.StandardCharsets.UTF_8));
        URI location = http.get().uri(URI.create(link)).exchange().expectStatus().isFound()
                .returnResult(Void.class).getResponseHeaders().getLocation();
        assertThat(location.toString()).startsWith(RunningService.FRONTEND + "/reset?token=");
        return location.getQuery().substring("token=".length());
    }

    @Test
    void passwordResetWhenLinkFollowedThenNewPasswordWorksOldDoesNotAndOldSessionsEnd() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        String before = bearerOf(email);
        String token = requestResetAndFollowLink(email, 2);

        post("/reset-password", "{\"newPassword\":\"a brand new passphrase\",\"token\":\"" + token + "\"}")
                .expectStatus().isOk().expectBody().json("{\"status\":true}");

        signIn(email, PASSWORD).expectStatus().isUnauthorized();
        signIn(email, "a brand new passphrase").expectStatus().isOk();
        getWithBearer("/get-session", before).expectBody(String.class).isEqualTo("null");
        post("/reset-password", "{\"newPassword\":\"another new passphrase\",\"token\":\"" + token + "\"}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void resetPasswordWhenFiftyRacingUsesOfOneTokenThenExactlyOneSucceeds() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        String token = requestResetAndFollowLink(email, 2);
        var client = org.springframework.web.reactive.function.client.WebClient.create(service.baseUrl());

        java.util.List<Integer> statuses = reactor.core.publisher.Flux.range(0, 50)
                .flatMap(i -> client.post().uri("/api/auth/reset-password")
                        .header(HttpHeaders.ORIGIN, RunningService.FRONTEND)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"newPassword\":\"racing password " + i + "\",\"token\":\"" + token + "\"}")
                        .exchangeToMono(response -> reactor.core.publisher.Mono.just(response.statusCode().value())), 50)
                .collectList().block(java.time.Duration.ofSeconds(60));

        assertThat(statuses).hasSize(50);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 400).hasSize(49);
        long working = java.util.stream.IntStream.range(0, 50)
                .filter(i -> signIn(email, "racing password " + i).returnResult(Void.class).getStatus().value() == 200)
                .count();
        assertThat(working).as("exactly one of the racing passwords was set").isEqualTo(1);
    }

    @Test
    void resetLinkWhenForgedUntrustedOrWithoutCallbackThenBetterAuthsAnswers() {
        http.get().uri("/api/auth/reset-password/forged?callbackURL=/reset").exchange()
                .expectStatus().isFound().expectHeader().location("/reset?error=INVALID_TOKEN");
        http.get().uri("/api/auth/reset-password/forged").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
        http.get().uri("/api/auth/reset-password/forged?callbackURL=https://evil.example/").exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("INVALID_CALLBACK_URL");
        String location = http.get().uri("/api/auth/reset-password/forged?callbackURL=").exchange()
                .expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation().toString();
        assertThat(location).isEqualTo(service.baseUrl() + "/api/auth/error?error=INVALID_TOKEN");
        http.get().uri(URI.create(location)).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TOKEN");
    }

    @Test
    void requestPasswordResetWhenUnknownOrUntrustedRedirectThenSameAnswerOrForbidden() {
        post("/request-password-reset", "{\"email\":\"" + newEmail() + "\"}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo(true);
        post("/request-password-reset", "{\"email\":\"a@example.com\",\"redirectTo\":\"https://evil.example\"}")
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("INVALID_REDIRECT_URL");
        post("/reset-password", "{\"newPassword\":\"long enough 123\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TOKEN");
        post("/reset-password", "{\"newPassword\":\"short\",\"token\":\"x\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("PASSWORD_TOO_SHORT");
    }

    @Test
    void changePasswordWhenRevokingOtherSessionsThenNewCookieAndTokenAndOldSessionsEnd() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        String laptop = bearerOf(email);
        String phone = bearerOf(email);

        postWithBearer("/change-password", laptop, "{\"currentPassword\":\"wrong password 1\",\"newPassword\":\"a new passphrase\"}")
                .expectStatus().isBadRequest().expectBody().json("{\"code\":\"INVALID_PASSWORD\",\"message\":\"Invalid password\"}");
        var changed = postWithBearer("/change-password", laptop, """
                {"currentPassword":"%s","newPassword":"a new passphrase","revokeOtherSessions":true}""".formatted(PASSWORD))
                .expectStatus().isOk().expectBody().jsonPath("$.token").isNotEmpty()
                .jsonPath("$.user.email").isEqualTo(email).returnResult();
        String newBearer = changed.getResponseHeaders().getFirst("set-auth-token");

        assertThat(changed.getResponseCookies().getFirst("better-auth.session_token")).isNotNull();
        getWithBearer("/get-session", laptop).expectBody(String.class).isEqualTo("null");
        getWithBearer("/get-session", phone).expectBody(String.class).isEqualTo("null");
        getWithBearer("/get-session", newBearer).expectBody().jsonPath("$.user.email").isEqualTo(email);
        postWithBearer("/verify-password", newBearer, "{\"password\":\"a new passphrase\"}").expectStatus().isOk()
                .expectBody().json("{\"status\":true}");
        postWithBearer("/verify-password", newBearer, "{\"password\":\"%s\"}".formatted(PASSWORD)).expectStatus()
                .isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INVALID_PASSWORD");
        postWithBearer("/change-password", "nobody", "{\"currentPassword\":\"x\",\"newPassword\":\"y\"}")
                .expectStatus().isUnauthorized();
    }

    @Test
    void updateUserWhenNameAndImageThenGetSessionShowsThemAndEmailIsRefused() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        String bearer = bearerOf(email);

        postWithBearer("/update-user", bearer, "{\"name\":\"Ada Lovelace\",\"image\":\"https://example.com/ada.png\"}")
                .expectStatus().isOk().expectBody().json("{\"status\":true}");
        getWithBearer("/get-session", bearer).expectBody()
                .jsonPath("$.user.name").isEqualTo("Ada Lovelace")
                .jsonPath("$.user.image").isEqualTo("https://example.com/ada.png");
        postWithBearer("/update-user", bearer, "{\"image\":null}").expectStatus().isOk();
        getWithBearer("/get-session", bearer).expectBody().jsonPath("$.user.image").isEmpty()
                .jsonPath("$.user.name").isEqualTo("Ada Lovelace");

        postWithBearer("/update-user", bearer, "{\"email\":\"new@example.com\"}").expectStatus().isBadRequest()
                .expectBody().json("{\"code\":\"EMAIL_CAN_NOT_BE_UPDATED\",\"message\":\"Email can not be updated\"}");
        postWithBearer("/update-user", bearer, "{\"emailVerified\":true}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("No fields to update");
        postWithBearer("/update-user", bearer, "{\"name\":42}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
        postWithBearer("/update-user", "nobody", "{\"name\":\"x\"}").expectStatus().isUnauthorized();
        getWithBearer("/get-session", bearer).expectBody().jsonPath("$.user.emailVerified").isEqualTo(true);
    }

    static long mailsQueuedFor(String email, String kind) throws Exception {
        return count("SELECT COUNT(*) FROM mail_outbox o JOIN users u ON u.id = o.user_id WHERE u.email = ? AND o.kind = '"
                + kind + "'", email);
    }

    @Test
    void changeEmailWhenTheNewAddressLinkIsFollowedThenItSignsInAndTheOldAddressIsTold() throws Exception {
        String email = newEmail();
        String newEmail = newEmail();
        signUpAndVerify(email);
        String bearer = bearerOf(email);

        postWithBearer("/change-email", bearer, """
                {"newEmail":"%s","callbackURL":"%s/settings"}""".formatted(newEmail.toUpperCase(), RunningService.FRONTEND))
                .expectStatus().isOk().expectBody().json("{\"status\":true}");
        getWithBearer("/get-session", bearer).expectBody().jsonPath("$.user.email").isEqualTo(email);

        http.get().uri(URI.create(Mailbox.awaitVerificationLink(SMTP, newEmail, 1))).exchange()
                .expectStatus().isFound()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, RunningService.FRONTEND + "/settings");

        getWithBearer("/get-session", bearer).expectBody()
                .jsonPath("$.user.email").isEqualTo(newEmail)
                .jsonPath("$.user.emailVerified").isEqualTo(true);
        signIn(newEmail, PASSWORD).expectStatus().isOk();
        signIn(email, PASSWORD).expectStatus().isUnauthorized();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (Mailbox.to(SMTP, email).size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Mailbox.to(SMTP, email)).last().satisfies(notice -> {
            assertThat(notice.getSubject()).isEqualTo("Your email address was changed");
            assertThat(notice.getContent().toString()).isNotEmpty();
        });
    }

    @Test
    void changeEmailWhenInputIsWrongOrTheAddressTakenThenContractErrorsOrASilentNoMail() throws Exception {
        String email = newEmail();
        String taken = newEmail();
        signUpAndVerify(email);
        signUpAndVerify(taken);
        String bearer = bearerOf(email);

        post("/change-email", """
                {"newEmail":"%s"}""".formatted(newEmail())).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
        postWithBearer("/change-email", bearer, """
                {"newEmail":"%s"}""".formatted(email)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("EMAIL_IS_THE_SAME");
        postWithBearer("/change-email", bearer, """
                {"newEmail":"not an address"}""").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
        postWithBearer("/change-email", bearer, """
                {"newEmail":"%s","callbackURL":"https://evil.example"}""".formatted(newEmail()))
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("INVALID_CALLBACK_URL");

        postWithBearer("/change-email", bearer, """
                {"newEmail":"%s"}""".formatted(taken)).expectStatus().isOk()
                .expectBody().json("{\"status\":true}");
        assertThat(mailsQueuedFor(email, "EMAIL_CHANGE")).isZero();
    }

    @Test
    void deleteUserWhenPasswordIsRightThenEverythingOfTheUserIsGoneAndTheCookieExpires() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        String bearer = bearerOf(email);
        String userId = JsonPath.read(new String(getWithBearer("/get-session", bearer).expectBody().returnResult()
                .getResponseBodyContent()), "$.user.id");

        postWithBearer("/delete-user", bearer, """
                {"password":"wrong password here"}""").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_PASSWORD");
        assertThat(users(email)).isEqualTo(1);

        postWithBearer("/delete-user", bearer, """
                {"password":"%s"}""".formatted(PASSWORD)).expectStatus().isOk()
                .expectHeader().value(HttpHeaders.SET_COOKIE, cookie -> assertThat(cookie).contains("Max-Age=0"))
                .expectBody().json("{\"success\":true,\"message\":\"User deleted\"}");

        assertThat(users(email)).isZero();
        for (String table : new String[] {"accounts", "sessions", "verification_tokens", "mail_outbox"}) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE user_id = ?", userId)).as(table).isZero();
        }
        getWithBearer("/get-session", bearer).expectBody(String.class).isEqualTo("null");
        signIn(email, PASSWORD).expectStatus().isUnauthorized();
    }

    @Test
    void deleteUserWhenConfirmationIsAskedForThenOnlyTheMailedLinkInTheUsersSessionDeletes() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        try (RunningService confirming = RunningService.start(RunningService.onPostgresWithSmtp(database,
                ServerSetupTest.SMTP.getPort(),
                "DELETE_USER_ENABLED", "true",
                "DELETE_USER_CONFIRMATION", "true"))) {
            WebTestClient client = confirming.client();
            String bearer = bearerOf(email);

            client.post().uri("/api/auth/delete-user").header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"callbackURL\":\"/goodbye\"}").exchange()
                    .expectStatus().isOk()
                    .expectBody().json("{\"success\":true,\"message\":\"Verification email sent\"}");
            assertThat(users(email)).isEqualTo(1);
            URI link = URI.create(Mailbox.awaitVerificationLink(SMTP, email, 2));
            assertThat(link.getPath()).isEqualTo("/api/auth/delete-user/callback");

            client.get().uri(link).exchange().expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("FAILED_TO_GET_USER_INFO");
            client.get().uri(link).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).exchange()
                    .expectStatus().isFound()
                    .expectHeader().valueEquals(HttpHeaders.LOCATION, "/goodbye");
            assertThat(users(email)).isZero();
            client.get().uri(link).header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer).exchange()
                    .expectStatus().isNotFound();
        }
    }

    /** Moves the user's sessions back in time, as if they had been signed in that much earlier. */
    static void ageSessions(String email, Duration age) throws Exception {
        String interval = age.toSeconds() + " seconds";
        count("""
                WITH aged AS (UPDATE sessions SET created_at = created_at - '%1$s'::interval,
                    updated_at = updated_at - '%1$s'::interval, expires_at = expires_at - '%1$s'::interval
                  WHERE user_id = (SELECT id FROM users WHERE email = ?) RETURNING id)
                SELECT COUNT(*) FROM aged""".formatted(interval), email);
    }

    static Instant expiryOfSessionsOf(String email) throws Exception {
        return Instant.ofEpochMilli(count("""
                SELECT (EXTRACT(EPOCH FROM MAX(expires_at)) * 1000)::bigint FROM sessions
                WHERE user_id = (SELECT id FROM users WHERE email = ?)""", email));
    }

    @Test
    void getSessionWhenSessionIsOlderThanADayThenSlidesToSevenDaysAndResendsTheCookie() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        String cookie = sessionCookieOf(email);
        ageSessions(email, Duration.ofHours(36));
        Instant agedExpiry = expiryOfSessionsOf(email);

        http.get().uri("/api/auth/get-session?disableRefresh=true").cookie("better-auth.session_token", cookie)
                .exchange().expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        assertThat(expiryOfSessionsOf(email)).isEqualTo(agedExpiry);

        http.get().uri("/api/auth/get-session").cookie("better-auth.session_token", cookie).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.SET_COOKIE, header -> assertThat(header)
                        .startsWith("better-auth.session_token=").contains("Max-Age=604800"));
        assertThat(expiryOfSessionsOf(email)).isCloseTo(Instant.now().plus(Duration.ofDays(7)),
                within(Duration.ofMinutes(1)));
    }

    @Test
    void getSessionWhenSessionHasExpiredThenNullTheCookieExpiresAndTheRowIsDeleted() throws Exception {
        String email = newEmail();
        signUpAndVerify(email);
        String cookie = sessionCookieOf(email);
        ageSessions(email, Duration.ofDays(8));
        long sessionsBefore = count("SELECT COUNT(*) FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?)",
                email);

        http.get().uri("/api/auth/get-session").cookie("better-auth.session_token", cookie).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.SET_COOKIE, header -> assertThat(header).contains("Max-Age=0"))
                .expectBody(String.class).isEqualTo("null");
        assertThat(count("SELECT COUNT(*) FROM sessions WHERE user_id = (SELECT id FROM users WHERE email = ?)", email))
                .isEqualTo(sessionsBefore - 1);
    }
}
