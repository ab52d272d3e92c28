package dev.momentum.auth.application.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.verification.port.in.SendVerificationEmailCommand;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SendVerificationEmailServiceTest {

    private final TestAuthService auth = new TestAuthService();

    @Test
    void sendWhenUnverifiedUserThenMailsANewLink() {
        auth.signUp("ada@example.com");
        String first = auth.tokenOfLastMail();

        StepVerifier.create(auth.sendVerificationEmail.send(SendVerificationEmailCommand.of("ada@example.com", null,
                null))).verifyComplete();
        assertThat(auth.outbox.queued()).hasSize(2);
        assertThat(auth.tokenOfLastMail()).isNotEqualTo(first);
    }

    @Test
    void sendWhenAddressUnknownThenCompletesTheSameWayWithoutMail() {
        StepVerifier.create(auth.sendVerificationEmail.send(SendVerificationEmailCommand.of("nobody@example.com",
                null, null))).verifyComplete();
        assertThat(auth.outbox.queued()).isEmpty();
    }

    @Test
    void sendWhenAlreadyVerifiedWithoutSessionThenCompletesWithoutMail() {
        auth.signUpVerifyAndSignIn("ada@example.com");
        int before = auth.outbox.queued().size();

        StepVerifier.create(auth.sendVerificationEmail.send(SendVerificationEmailCommand.of("ada@example.com", null,
                null))).verifyComplete();
        assertThat(auth.outbox.queued()).hasSize(before);
    }

    @Test
    void sendWhenSessionOfAnotherAddressThenEmailMismatch() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.sendVerificationEmail.send(SendVerificationEmailCommand.of("bob@example.com", null,
                signedIn.token()))).verifyErrorMatches(AuthErrors.is(AuthError.EMAIL_MISMATCH));
    }

    @Test
    void sendWhenSessionUserAlreadyVerifiedThenEmailAlreadyVerified() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.sendVerificationEmail.send(SendVerificationEmailCommand.of("ada@example.com", null,
                signedIn.token()))).verifyErrorMatches(AuthErrors.is(AuthError.EMAIL_ALREADY_VERIFIED));
    }

    @Test
    void sendWhenEmailMalformedThenValidationError() {
        assertThatThrownBy(() -> SendVerificationEmailCommand.of("x", null, null))
                .matches(AuthErrors.invalid("email", Defect.NOT_AN_EMAIL_ADDRESS));
    }
}
