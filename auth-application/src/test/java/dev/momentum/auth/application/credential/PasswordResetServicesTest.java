package dev.momentum.auth.application.credential;

import static dev.momentum.auth.application.testing.TestAuthService.signInCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.credential.port.in.RequestPasswordResetCommand;
import dev.momentum.auth.application.credential.port.in.ResetPasswordCommand;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.mail.port.out.AccountMail.PasswordResetMail;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.token.LinkToken;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PasswordResetServicesTest {

    private static final String NEW_PASSWORD = "a brand new passphrase";
    private final TestAuthService auth = new TestAuthService();

    private String requestReset(String email) {
        auth.requestPasswordReset.requestPasswordReset(RequestPasswordResetCommand.of(email, "/reset")).block();
        return auth.tokenOfLastResetMail();
    }

    @Test
    void requestWhenAccountExistsThenMailsBetterAuthsResetLink() {
        auth.signUpVerifyAndSignIn("ada@example.com");

        auth.requestPasswordReset.requestPasswordReset(RequestPasswordResetCommand.of("ADA@example.com", "/reset"))
                .block();

        assertThat(auth.outbox.queued().getLast()).isInstanceOfSatisfying(PasswordResetMail.class, mail ->
                assertThat(mail.link().toString()).matches(
                        "http://links.test/reset-password/\\S+\\?callbackURL=/reset"));
    }

    @Test
    void requestWhenAddressUnknownThenSameAnswerAndNoMail() {
        StepVerifier.create(auth.requestPasswordReset.requestPasswordReset(
                RequestPasswordResetCommand.of("nobody@example.com", null))).verifyComplete();
        assertThat(auth.outbox.queued()).isEmpty();
    }

    @Test
    void resetWhenTokenValidThenNewPasswordWorksOldDoesNotAndSessionsEnd() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");
        String token = requestReset("ada@example.com");
        assertThat(auth.resetPassword.isUsable(new LinkToken(token)).block()).isTrue();

        StepVerifier.create(auth.resetPassword.resetPassword(ResetPasswordCommand.of(token, NEW_PASSWORD)))
                .verifyComplete();

        assertThat(auth.signedIn(signInCommand("ada@example.com", NEW_PASSWORD)).block()).isNotNull();
        StepVerifier.create(auth.signedIn(signInCommand("ada@example.com", TestAuthService.PASSWORD)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_EMAIL_OR_PASSWORD));
        assertThat(auth.getSession.getSession(signedIn.token()).block()).as("sessions before the reset").isNull();
        assertThat(auth.resetPassword.isUsable(new LinkToken(token)).block()).isFalse();
    }

    @Test
    void resetWhenTokenUsedTwiceThenSecondIsInvalidToken() {
        auth.signUpVerifyAndSignIn("ada@example.com");
        String token = requestReset("ada@example.com");
        auth.resetPassword.resetPassword(ResetPasswordCommand.of(token, NEW_PASSWORD)).block();

        StepVerifier.create(auth.resetPassword.resetPassword(ResetPasswordCommand.of(token, "yet another one 1")))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TOKEN));
    }

    @Test
    void resetWhenTokenExpiredOrUnknownOrMissingThenInvalidToken() {
        auth.signUpVerifyAndSignIn("ada@example.com");
        String token = requestReset("ada@example.com");
        auth.clock.advance(Duration.ofHours(1));

        StepVerifier.create(auth.resetPassword.resetPassword(ResetPasswordCommand.of(token, NEW_PASSWORD)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TOKEN));
        StepVerifier.create(auth.resetPassword.resetPassword(ResetPasswordCommand.of("forged", NEW_PASSWORD)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TOKEN));
        assertThatThrownBy(() -> ResetPasswordCommand.of(null, NEW_PASSWORD))
                .matches(AuthErrors.is(AuthError.INVALID_TOKEN));
        assertThat(auth.resetPassword.isUsable(new LinkToken(token)).block()).isFalse();
    }

    @Test
    void resetWhenNewPasswordTooShortThenRefusedAndTokenKept() {
        auth.signUpVerifyAndSignIn("ada@example.com");
        String token = requestReset("ada@example.com");

        StepVerifier.create(auth.resetPassword.resetPassword(ResetPasswordCommand.of(token, "short")))
                .verifyErrorMatches(AuthErrors.is(AuthError.PASSWORD_TOO_SHORT));
        assertThat(auth.resetPassword.isUsable(new LinkToken(token)).block()).isTrue();
    }

    @Test
    void resetWhenAVerificationTokenIsUsedThenInvalidToken() {
        auth.signUp("ada@example.com");

        StepVerifier.create(auth.resetPassword.resetPassword(ResetPasswordCommand.of(auth.tokenOfLastMail(),
                NEW_PASSWORD))).verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TOKEN));
    }
}
