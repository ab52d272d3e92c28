package dev.momentum.auth.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.token.BearerToken;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SessionServicesTest {

    private final TestAuthService auth = new TestAuthService();

    @Test
    void getSessionWhenTokenLiveThenSessionAndUser() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.getSession.getSession(signedIn.token()))
                .assertNext(result -> {
                    assertThat(result.session().id()).isEqualTo(signedIn.session().id());
                    assertThat(result.user().emailVerified()).isTrue();
                    assertThat(result.token()).isEqualTo(signedIn.token());
                })
                .verifyComplete();
    }

    @Test
    void getSessionWhenTokenUnknownThenEmpty() {
        StepVerifier.create(auth.getSession.getSession(new BearerToken("unknown"))).verifyComplete();
    }

    @Test
    void getSessionWhenExpiredThenEmptyAndRowDeleted() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");
        int before = auth.sessions.sessions.size();
        auth.clock.advance(Duration.ofDays(7));

        StepVerifier.create(auth.getSession.getSession(signedIn.token())).verifyComplete();
        assertThat(auth.sessions.sessions).hasSize(before - 1);
    }

    @Test
    void signOutWhenSignedInThenSessionGone() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.signOut.signOut(signedIn.token())).verifyComplete();
        StepVerifier.create(auth.getSession.getSession(signedIn.token())).verifyComplete();
    }

    @Test
    void signOutWhenTokenUnknownThenCompletesQuietly() {
        StepVerifier.create(auth.signOut.signOut(new BearerToken("unknown"))).verifyComplete();
    }
}
