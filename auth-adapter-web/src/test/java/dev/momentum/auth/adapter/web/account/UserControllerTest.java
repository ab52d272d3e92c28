package dev.momentum.auth.adapter.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.ControllerSlice;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.TestAuthService;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class UserControllerTest {

    final TestAuthService auth = new TestAuthService();
    final WebTestClient client = ControllerSlice.of(auth, UserController.class);
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    @Test
    void updateUserWhenANameAndANullImageThenBothStored() {
        var body = new HashMap<String, Object>();
        body.put("name", "Ada Lovelace");
        body.put("image", null);

        update(body).expectStatus().isOk().expectBody().json("{\"status\":true}");

        assertThat(auth.users.users.get(ada.user().id()).name()).isEqualTo("Ada Lovelace");
        assertThat(auth.users.users.get(ada.user().id()).image()).isNull();
    }

    @Test
    void updateUserWhenAFieldHasTheWrongTypeOrIsTheEmailThenTheContractsErrors() {
        update(Map.of("name", 42)).expectStatus().isBadRequest()
                .expectBody().json("{\"code\":\"VALIDATION_ERROR\",\"message\":\"[body.name] Invalid input: expected string\"}");
        update(Map.of("email", "other@example.com")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("EMAIL_CAN_NOT_BE_UPDATED");
        update(Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("NO_FIELDS_TO_UPDATE");

        assertThat(auth.users.users.get(ada.user().id()).name()).isEqualTo("Ada");
    }

    private WebTestClient.ResponseSpec update(Map<String, Object> body) {
        return client.post().uri("/api/auth/update-user").contentType(MediaType.APPLICATION_JSON)
                .cookies(ControllerSlice.signedIn(ada))
                .bodyValue(body)
                .exchange();
    }
}
