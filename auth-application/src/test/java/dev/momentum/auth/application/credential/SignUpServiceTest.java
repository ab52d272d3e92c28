package dev.momentum.auth.application.credential;

import static dev.momentum.auth.application.testing.TestAuthService.signUpCommand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.credential.port.in.SignUpCommand;
import dev.momentum.auth.application.error.AuthError;
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
        var command = new SignUpCommand("Ada", "ada@example.com", "1234567", null, null, ClientInfo.UNKNOWN);

        StepVerifier.create(auth.signUp.signUp(command)).verifyErrorMatches(AuthErrors.is(AuthError.PASSWORD_TOO_SHORT));
        assertThat(auth.users.users).isEmpty();
    }

    @Test
    void signUpWhenPasswordTooLongThenPasswordTooLong() {
        var command = new SignUpCommand("Ada", "ada@example.com", "x".repeat(129), null, null, ClientInfo.UNKNOWN);

        StepVerifier.create(auth.signUp.signUp(command)).verifyErrorMatches(AuthErrors.is(AuthError.PASSWORD_TOO_LONG));
        assertThat(auth.hasher.hashes).hasValue(0);
    }

    @Test
    void signUpWhenEmailMalformedThenValidationError() {
        StepVerifier.create(auth.signUp.signUp(signUpCommand("not-an-email")))
                .verifyErrorMatches(AuthErrors.is(AuthError.VALIDATION_ERROR));
    }

    @Test
    void signUpWhenNameCarriesHeaderInjectionThenValidationError() {
        var command = new SignUpCommand("Ada\r\nBcc: x@evil.com", "ada@example.com", TestAuthService.PASSWORD, null,
                null, ClientInfo.UNKNOWN);

        StepVerifier.create(auth.signUp.signUp(command)).verifyErrorMatches(AuthErrors.is(AuthError.VALIDATION_ERROR));
        assertThat(auth.outbox.queued()).isEmpty();
    }

    @Test
    void signUpWhenNoCallbackThenNoneIsHandedToTheLink() {
        auth.signUp.signUp(new SignUpCommand("Ada", "ada@example.com", TestAuthService.PASSWORD, null, null,
                ClientInfo.UNKNOWN)).block();

        assertThat(auth.lastMail().link().toString()).endsWith("&callbackURL=null");
    }
}
