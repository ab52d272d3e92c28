package dev.momentum.auth.adapter.web.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.testing.TestCeremonies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;

class PasskeyControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, PasskeyController.class);
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    @Test
    void registerOptionsThenSimpleWebAuthnsShapeWithBetterAuthsChoicesAndTheChallengeCookie() {
        var result = client.get().uri("/api/auth/passkey/generate-register-options").cookies(ControllerSlice.signedIn(ada))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rp.id").isEqualTo("localhost")
                .jsonPath("$.rp.name").isEqualTo("Momentum")
                .jsonPath("$.user.name").isEqualTo("ada@example.com")
                .jsonPath("$.pubKeyCredParams[*].alg").isEqualTo(List.of(-8, -7, -257))
                .jsonPath("$.timeout").isEqualTo(60000)
                .jsonPath("$.attestation").isEqualTo("none")
                .jsonPath("$.authenticatorSelection.residentKey").isEqualTo("preferred")
                .jsonPath("$.authenticatorSelection.userVerification").isEqualTo("preferred")
                .jsonPath("$.extensions.credProps").isEqualTo(true)
                .returnResult();

        ResponseCookie cookie = result.getResponseCookies().getFirst("better-auth.better-auth-passkey");
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofMinutes(5));
        String challenge = ControllerSlice.COOKIES.verify(cookie.getValue()).orElseThrow();
        assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8)).contains("\"challenge\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(challenge.getBytes(StandardCharsets.US_ASCII)) + "\"");
    }

    @Test
    void registerAndSignInThenThePasskeyAsBetterAuthAnswersItAndASessionCookie() {
        String challenge = challengeOf(client.get().uri("/api/auth/passkey/generate-register-options")
                .cookies(ControllerSlice.signedIn(ada)).exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseCookies().getFirst("better-auth.better-auth-passkey"));
        client.post().uri("/api/auth/passkey/verify-registration").cookies(ControllerSlice.signedIn(ada))
                .cookie("better-auth.better-auth-passkey", ControllerSlice.COOKIES.sign(challenge))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"response\":" + TestCeremonies.response("cred-1", challenge, 1) + ",\"name\":\"Laptop\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.credentialID").isEqualTo("cred-1")
                .jsonPath("$.name").isEqualTo("Laptop")
                .jsonPath("$.userId").isEqualTo(ada.user().id().value())
                .jsonPath("$.deviceType").isEqualTo("multiDevice")
                .jsonPath("$.transports").isEqualTo("internal");

        String signInChallenge = challengeOf(client.get().uri("/api/auth/passkey/generate-authenticate-options")
                .exchange().expectStatus().isOk().returnResult(String.class)
                .getResponseCookies().getFirst("better-auth.better-auth-passkey"));
        var signedIn = client.post().uri("/api/auth/passkey/verify-authentication")
                .cookie("better-auth.better-auth-passkey", ControllerSlice.COOKIES.sign(signInChallenge))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"response\":" + TestCeremonies.response("cred-1", signInChallenge, 2) + "}")
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult();
        assertThat(signedIn.getResponseBody()).containsKeys("session", "user");
        assertThat(signedIn.getResponseCookies().getFirst("better-auth.session_token").getValue()).isNotEmpty();
    }

    @Test
    void whenTheInputIsBadThenAClearErrorWithItsCode() {
        client.get().uri("/api/auth/passkey/generate-register-options").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
        client.post().uri("/api/auth/passkey/verify-authentication").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_ERROR");
        client.post().uri("/api/auth/passkey/verify-authentication").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"response\":{\"id\":\"x\"}}").exchange()
                .expectStatus().isBadRequest().expectBody().json("{\"code\":\"CHALLENGE_NOT_FOUND\",\"message\":\"Challenge not found\"}");
        client.post().uri("/api/auth/passkey/verify-authentication")
                .cookie("better-auth.better-auth-passkey", "forged.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"response\":{\"id\":\"x\"}}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("CHALLENGE_NOT_FOUND");
        client.post().uri("/api/auth/passkey/delete-passkey").cookies(ControllerSlice.signedIn(ada))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"id\":\"not-mine\"}").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("PASSKEY_NOT_FOUND");
    }

    private static String challengeOf(ResponseCookie cookie) {
        return ControllerSlice.COOKIES.verify(cookie.getValue()).orElseThrow();
    }
}
