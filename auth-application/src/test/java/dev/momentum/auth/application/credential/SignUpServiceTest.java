package dev.momentum.auth.application.credential;

import static dev.momentum.auth.application.testing.TestAuthService.signUpCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.credential.port.in.SignUpCommand;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.session.ClientInfo;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SignUpServiceTest {

    private final TestAuthService auth = new TestAuthService();

    @Test
    void signUpWhenNewEmailThenStoresUnverifiedUserAndMailsLink() {
        StepVerifier.create(auth.signUp.signUp(signUpCommand("Ada@Example.com")))
                .assertNext(result -> {
                    assertThat(result.user().email().value()).isEqualTo("ada@example.com");
                    assertThat(result.user().emailVerified()).isFalse();
                })
                .verifyComplete();

        assertThat(auth.users.users).hasSize(1);
        assertThat(auth.outbox.queued()).hasSize(1);
        assertThat(auth.lastMail().link().toString())
                .startsWith("http://links.test/verify-email?token=")
                .endsWith("&callbackURL=/welcome");
        assertThat(auth.verificationTokens.tokens).hasSize(1);
    }

    @Test
    void signUpWhenTokenIsStoredThenOnlyItsHashIsKept() {
        auth.signUp("ada@example.com");

        assertThat(auth.verificationTokens.tokens.keySet())
                .noneMatch(hash -> hash.hex().contains(auth.tokenOfLastMail()));
    }

    @Test
    void signUpWhenEmailTakenThenAnswersLikeANewUserAndChangesNothing() {
        auth.signUp("ada@example.com");
        var firstUser = auth.users.users.values().iterator().next();

        StepVerifier.create(auth.signUp.signUp(signUpCommand("ADA@example.com")))
                .assertNext(result -> {
                    assertThat(result.user().id()).isNotEqualTo(firstUser.id());
                    assertThat(result.user().emailVerified()).isFalse();
                })
                .verifyComplete();

        assertThat(auth.users.users).containsOnlyKeys(firstUser.id());
        assertThat(auth.outbox.queued()).hasSize(1);
        assertThat(auth.hasher.hashes).hasValue(2);
    }

    @Test
    void signUpWhenPasswordTooShortThenPasswordTooShort() {
        var command = SignUpCommand.of("Ada", "ada@example.com", "1234567", null, null, ClientInfo.UNKNOWN);

        StepVerifier.create(auth.signUp.signUp(command)).verifyErrorMatches(AuthErrors.is(AuthError.PASSWORD_TOO_SHORT));
        assertThat(auth.users.users).isEmpty();
    }

    @Test
    void signUpWhenPasswordTooLongThenPasswordTooLong() {
        var command = SignUpCommand.of("Ada", "ada@example.com", "x".repeat(129), null, null, ClientInfo.UNKNOWN);

        StepVerifier.create(auth.signUp.signUp(command)).verifyErrorMatches(AuthErrors.is(AuthError.PASSWORD_TOO_LONG));
        assertThat(auth.hasher.hashes).hasValue(0);
    }

    @Test
    void signUpWhenEmailMalformedThenValidationError() {
        assertThatThrownBy(() -> signUpCommand("not-an-email"))
                .matches(AuthErrors.invalid("email", Defect.NOT_AN_EMAIL_ADDRESS));
    }

    @Test
    void signUpWhenNameCarriesHeaderInjectionThenValidationError() {
        assertThatThrownBy(() -> SignUpCommand.of("Ada\r\nBcc: x@evil.com", "ada@example.com", TestAuthService.PASSWORD,
                null, null, ClientInfo.UNKNOWN)).matches(AuthErrors.invalid("name", Defect.MALFORMED));
    }

    @Test
    void signUpWhenNoCallbackThenNoneIsHandedToTheLink() {
        auth.signUp.signUp(SignUpCommand.of("Ada", "ada@example.com", TestAuthService.PASSWORD, null, null,
                ClientInfo.UNKNOWN)).block();

        assertThat(auth.lastMail().link().toString()).endsWith("&callbackURL=null");
    }
}
