package dev.momentum.auth.adapter.web.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class SessionControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, SessionController.class);
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    @Test
    void getSessionWhenSignedInThenTheSessionTheUserAndItsJwtNeverCached() {
        var result = client.get().uri("/api/auth/get-session")
                .cookies(ControllerSlice.signedIn(ada))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody()
                .jsonPath("$.user.email").isEqualTo("ada@example.com")
                .jsonPath("$.session.userId").isEqualTo(ada.user().id().value())
                .jsonPath("$.session.token").isEqualTo(ada.token().value())
                .returnResult();

        assertThat(result.getResponseHeaders().getFirst("set-auth-jwt")).contains(ada.user().id().value());
    }

    @Test
    void getSessionWhenNoneOrTheCookieIsForgedThenTheJsonNullAndForgedCookiesExpired() {
        client.get().uri("/api/auth/get-session")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody(String.class).isEqualTo("null");
        var forged = client.get().uri("/api/auth/get-session")
                .cookie("better-auth.session_token", ada.token().value() + ".forged-signature")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("null")
                .returnResult();

        assertThat(forged.getResponseCookies().getFirst("better-auth.session_token").getMaxAge()).isZero();
    }

    @Test
    void getSessionByPostThenBetterAuthsRefusal() {
        client.post().uri("/api/auth/get-session")
                .exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.code").isEqualTo("METHOD_NOT_ALLOWED_DEFER_SESSION_REQUIRED");
    }

    @Test
    void signOutThenTheSessionEndsAndItsCookiesExpire() {
        var result = client.post().uri("/api/auth/sign-out")
                .cookies(ControllerSlice.signedIn(ada))
                .exchange()
                .expectStatus().isOk()
                .expectBody().json("{\"success\":true}")
                .returnResult();

        assertThat(result.getResponseCookies().getFirst("better-auth.session_token").getMaxAge()).isZero();
        assertThat(auth.getSession.getSession(ada.token()).blockOptional()).isEmpty();
    }
}
