package dev.momentum.auth.adapter.web.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.LabelledSigning;
import dev.momentum.auth.application.testing.TestAuthService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

class JwtControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, JwtController.class);

    @Test
    void tokenWhenSignedInThenAJwtOfTheUserSignedByAPublishedKeyAndNeverCached() throws Exception {
        SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

        var token = client.get().uri("/api/auth/token")
                .cookies(ControllerSlice.signedIn(ada))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
                .expectBody(Map.class).returnResult().getResponseBody().get("token").toString();
        String jwks = client.get().uri("/api/auth/jwks")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=300, public")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(token).contains(ada.user().id().value());
        assertThat(JWKSet.parse(jwks).getKeyByKeyId(LabelledSigning.kidOf(token))).isNotNull();
    }

    @Test
    void tokenWhenNoSessionThenA401() {
        client.get().uri("/api/auth/token")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHORIZED");
    }
}
