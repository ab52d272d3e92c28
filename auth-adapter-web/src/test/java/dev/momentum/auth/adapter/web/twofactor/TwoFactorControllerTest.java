package dev.momentum.auth.adapter.web.twofactor;

import static dev.momentum.auth.application.testing.TestAuthService.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.adapter.web.credential.EmailPasswordController;
import dev.momentum.auth.application.mail.port.out.AccountMail.SecondFactorCodeMail;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.twofactor.TotpCheck;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class TwoFactorControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, EmailPasswordController.class, TwoFactorController.class);
    SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    @Test
    void enableThenBetterAuthsShapeAndTheUserIsNotYetEnabled() {
        Map<String, Object> body = client.post().uri("/api/auth/two-factor/enable").cookies(ControllerSlice.signedIn(ada))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", PASSWORD, "issuer", "Acme"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat(body).containsEntry("method", "totp");
        assertThat((String) body.get("totpURI")).startsWith("otpauth://totp/Acme:ada@example.com");
        assertThat((List<?>) body.get("backupCodes")).hasSize(10);
        assertThat(auth.users.users.get(ada.user().id()).twoFactorEnabled()).isFalse();
    }

    @Test
    void verifyTotpWithTheSessionThenEnabledWithANewSessionCookie() {
        TotpSecret secret = enable();

        var result = verify("/api/auth/two-factor/verify-totp", Map.of("code", codeNow(secret)), true, null)
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult();

        assertThat(result.getResponseBody().get("user")).asString().contains("twoFactorEnabled=true");
        assertThat(result.getResponseBody().get("token")).isNotEqualTo(ada.token().value());
        assertThat(result.getResponseCookies().getFirst("better-auth.session_token").getValue()).isNotEmpty();
    }

    @Test
    void signInThenTwoFactorRedirectWithTheChallengeCookieAndNoSessionThenACodeCompletesIt() {
        TotpSecret secret = enabled();

        var challenged = signIn(false);
        assertThat(challenged.getResponseBody()).containsEntry("twoFactorRedirect", true)
                .containsEntry("twoFactorMethods", List.of("totp", "otp")).doesNotContainKey("token");
        ResponseCookie challenge = challenged.getResponseCookies().getFirst("better-auth.two_factor");
        assertThat(challenge.getMaxAge()).isEqualTo(Duration.ofMinutes(10));
        assertThat(challenge.isHttpOnly()).isTrue();
        assertThat(challenged.getResponseCookies().getFirst("better-auth.session_token").getMaxAge()).isZero();
        assertThat(challenged.getResponseCookies().getFirst("better-auth.dont_remember").getValue()).isNotEmpty();

        auth.clock.advance(Duration.ofSeconds(30));
        var completed = verify("/api/auth/two-factor/verify-totp", Map.of("code", codeNow(secret), "trustDevice", true),
                false, challenge.getValue())
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult();

        assertThat(completed.getResponseBody().get("token")).isNotNull();
        assertThat(completed.getResponseCookies().getFirst("better-auth.session_token").getMaxAge())
                .as("rememberMe false: a browser-session cookie").isNegative();
        assertThat(completed.getResponseCookies().getFirst("better-auth.two_factor").getMaxAge()).isZero();
        assertThat(completed.getResponseCookies().getFirst("better-auth.trust_device").getMaxAge())
                .isEqualTo(Duration.ofDays(30));
    }

    @Test
    void verifyWhenTheInputIsBadThenAClearErrorAndNothingChanges() {
        enabled();
        String challenge = signIn(true).getResponseCookies().getFirst("better-auth.two_factor").getValue();
        var sessionsBefore = Map.copyOf(auth.sessions.sessions);

        verify("/api/auth/two-factor/verify-totp", Map.of(), false, challenge)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
        verify("/api/auth/two-factor/verify-totp", Map.of("code", "12345x"), false, challenge)
                .expectStatus().isUnauthorized()
                .expectBody().json("{\"code\":\"INVALID_CODE\",\"message\":\"Invalid code\"}");
        verify("/api/auth/two-factor/verify-totp", Map.of("code", "123456"), false, null)
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("INVALID_TWO_FACTOR_COOKIE");
        String forged = URLDecoder.decode(challenge, StandardCharsets.UTF_8).replaceFirst("\\..*", ".forged");
        verify("/api/auth/two-factor/verify-totp", Map.of("code", "123456"), false, forged)
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("INVALID_TWO_FACTOR_COOKIE");
        verify("/api/auth/two-factor/verify-backup-code", Map.of("code", "nope"), false, challenge)
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("INVALID_BACKUP_CODE");
        assertThat(auth.sessions.sessions).isEqualTo(sessionsBefore);
    }

    @Test
    void sendOtpWithTheChallengeCookieThenStatusTrueAndTheMailedCodeCompletesTheSignIn() {
        enabled();
        String challenge = signIn(true).getResponseCookies().getFirst("better-auth.two_factor").getValue();

        client.post().uri("/api/auth/two-factor/send-otp").cookie("better-auth.two_factor", challenge)
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"status\":true}");
        String code = ((SecondFactorCodeMail) auth.outbox.queued().getLast()).code();

        verify("/api/auth/two-factor/verify-otp", Map.of("code", code), false, challenge)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.user.email").isEqualTo("ada@example.com");
        client.post().uri("/api/auth/two-factor/send-otp")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_TWO_FACTOR_COOKIE");
    }

    @Test
    void enableWithMethodOtpThenMethodOtpAndANewSessionCookieAndAnUnknownMethodIsRefused() {
        var result = client.post().uri("/api/auth/two-factor/enable").cookies(ControllerSlice.signedIn(ada))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", PASSWORD, "method", "otp"))
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult();

        assertThat(result.getResponseBody()).isEqualTo("{\"method\":\"otp\"}");
        assertThat(result.getResponseCookies().getFirst("better-auth.session_token").getValue()).isNotEmpty();
        client.post().uri("/api/auth/two-factor/enable").cookies(ControllerSlice.signedIn(ada))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", PASSWORD, "method", "sms"))
                .exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void disableThenStatusTrueANewSessionAndTheTrustCookieExpired() {
        enabled();

        var result = client.post().uri("/api/auth/two-factor/disable").cookies(ControllerSlice.signedIn(ada))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", PASSWORD))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult();

        assertThat(result.getResponseBody()).containsEntry("status", true);
        assertThat(result.getResponseCookies().getFirst("better-auth.trust_device").getMaxAge()).isZero();
        assertThat(auth.users.users.get(ada.user().id()).twoFactorEnabled()).isFalse();
    }

    private TotpSecret enable() {
        String uri = (String) client.post().uri("/api/auth/two-factor/enable").cookies(ControllerSlice.signedIn(ada))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("password", PASSWORD))
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("totpURI");
        return new TotpSecret(uri.substring(uri.indexOf("secret=") + "secret=".length()));
    }

    private TotpSecret enabled() {
        TotpSecret secret = enable();
        String token = (String) verify("/api/auth/two-factor/verify-totp", Map.of("code", codeNow(secret)), true, null)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token");
        ada = auth.getSession.getSession(new BearerToken(token)).block();
        return secret;
    }

    private EntityExchangeResult<Map> signIn(boolean rememberMe) {
        return client.post().uri("/api/auth/sign-in/email").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "ada@example.com", "password", PASSWORD, "rememberMe", rememberMe))
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult();
    }

    private WebTestClient.ResponseSpec verify(String path, Map<String, Object> body, boolean withSession,
                                              String challengeCookie) {
        var request = client.post().uri(path).contentType(MediaType.APPLICATION_JSON);
        if (withSession) {
            request.cookies(ControllerSlice.signedIn(ada));
        }
        if (challengeCookie != null) {
            request.cookie("better-auth.two_factor", challengeCookie);
            request.cookie("better-auth.dont_remember", ControllerSlice.COOKIES.sign("true"));
        }
        return request.bodyValue(body).exchange();
    }

    private String codeNow(TotpSecret secret) {
        return auth.totpCodes.codeAt(secret, TotpCheck.stepAt(auth.clock.instant()));
    }
}
