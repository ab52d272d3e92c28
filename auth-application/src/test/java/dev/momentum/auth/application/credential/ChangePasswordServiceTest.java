package dev.momentum.auth.application.credential;

import static dev.momentum.auth.application.testing.TestAuthService.PASSWORD;
import static dev.momentum.auth.application.testing.TestAuthService.signInCommand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.credential.port.in.ChangePasswordCommand;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ChangePasswordServiceTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";
    private final TestAuthService auth = new TestAuthService();

    private ChangePasswordCommand command(BearerToken token, String current, String next, boolean revokeOthers) {
        return new ChangePasswordCommand(token, current, next, revokeOthers, ClientInfo.UNKNOWN);
    }

    @Test
    void changePasswordWhenCurrentRightThenNewWorksAndSessionsStay() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.changePassword.changePassword(command(signedIn.token(), PASSWORD, NEW_PASSWORD, false)))
                .assertNext(result -> assertThat(result.newSession()).isEmpty())
                .verifyComplete();

        assertThat(auth.signedIn(signInCommand("ada@example.com", NEW_PASSWORD)).block()).isNotNull();
        assertThat(auth.getSession.getSession(signedIn.token()).block()).isNotNull();
    }

    @Test
    void changePasswordWhenRevokeOtherSessionsThenEveryOldSessionEndsAndANewOneIsGiven() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");
        var other = auth.signedIn(signInCommand("ada@example.com", PASSWORD)).block();

        var result = auth.changePassword.changePassword(command(signedIn.token(), PASSWORD, NEW_PASSWORD, true)).block();

        assertThat(result.newSession()).isPresent();
        assertThat(auth.getSession.getSession(signedIn.token()).block()).isNull();
        assertThat(auth.getSession.getSession(other.token()).block()).isNull();
        assertThat(auth.getSession.getSession(result.newSession().get().token()).block()).isNotNull();
    }

    @Test
    void changePasswordWhenCurrentWrongThenInvalidPasswordAndNothingChanges() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.changePassword.changePassword(command(signedIn.token(), "wrong one 123", NEW_PASSWORD, true)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_PASSWORD));
        assertThat(auth.signedIn(signInCommand("ada@example.com", PASSWORD)).block()).isNotNull();
    }

    @Test
    void changePasswordWhenNewTooShortOrNoSessionThenRefused() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.changePassword.changePassword(command(signedIn.token(), PASSWORD, "short", false)))
                .verifyErrorMatches(AuthErrors.is(AuthError.PASSWORD_TOO_SHORT));
        StepVerifier.create(auth.changePassword.changePassword(command(new BearerToken("unknown"), PASSWORD, NEW_PASSWORD, false)))
                .verifyErrorMatches(AuthErrors.is(AuthError.UNAUTHORIZED));
    }

    @Test
    void verifyPasswordWhenRightThenCompletesAndWhenWrongThenInvalidPassword() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.changePassword.verifyPassword(signedIn.token(), PASSWORD)).verifyComplete();
        StepVerifier.create(auth.changePassword.verifyPassword(signedIn.token(), "wrong one 123"))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_PASSWORD));
    }
}
