package dev.momentum.auth.application.credential;

import static dev.momentum.auth.application.testing.TestAuthService.PASSWORD;
import static dev.momentum.auth.application.testing.TestAuthService.signInCommand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.credential.port.in.SignInCommand;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.RateLimitedException;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.session.ClientInfo;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SignInServiceTest {

    private final TestAuthService auth = new TestAuthService();

    @Test
    void signInWhenVerifiedAndPasswordRightThenStartsSessionStoredByHash() {
        auth.signUpVerifyAndSignIn("ada@example.com");
        auth.sessions.sessions.clear();

        StepVerifier.create(auth.signedIn(signInCommand("ADA@example.com", PASSWORD)))
                .assertNext(result -> {
                    assertThat(result.user().email().value()).isEqualTo("ada@example.com");
                    assertThat(result.session().expiresAt()).isEqualTo(auth.clock.instant().plus(Duration.ofDays(7)));
                    assertThat(auth.sessions.sessions).containsOnlyKeys(result.token().hash());
                })
                .verifyComplete();
    }

    /** A sign-in replaces the session the client held (ASVS 5.0 7.2.4), in one transaction with the new one. */
    @Test
    void signInWhenTheClientHeldASessionThenItEndsInTheTransactionThatStartsTheNewOne() {
        var held = auth.signUpVerifyAndSignIn("ada@example.com");
        int transactionsBefore = auth.transactionsRun.get();

        var replacing = auth.signedIn(SignInCommand.of("ada@example.com", PASSWORD, true, ClientInfo.UNKNOWN,
                held.token())).block();

        assertThat(auth.sessions.sessions).containsKey(replacing.token().hash())
                .doesNotContainKey(held.token().hash());
        assertThat(auth.transactionsRun.get()).isEqualTo(transactionsBefore + 1);
    }

    @Test
    void signInWhenThePasswordIsWrongThenTheHeldSessionStays() {
        var held = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.signedIn(SignInCommand.of("ada@example.com", "wrong password", true,
                        ClientInfo.UNKNOWN, held.token())))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_EMAIL_OR_PASSWORD));
        assertThat(auth.sessions.sessions).containsKey(held.token().hash());
    }

    @Test
    void signInWhenNotRememberedThenSessionLastsOneDay() {
        auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.signedIn(SignInCommand.of("ada@example.com", PASSWORD, false,
                        ClientInfo.UNKNOWN, null)))
                .assertNext(result -> assertThat(result.session().expiresAt())
                        .isEqualTo(auth.clock.instant().plus(Duration.ofDays(1))))
                .verifyComplete();
    }

    @Test
    void signInWhenPasswordWrongThenInvalidEmailOrPassword() {
        auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.signedIn(signInCommand("ada@example.com", "wrong password")))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_EMAIL_OR_PASSWORD));
    }

    @Test
    void signInWhenTheAccountSpentItsAttemptsThenRefusedBeforeAnyHashUntilTheWindowEnds() {
        for (int attempt = 0; attempt < 10; attempt++) {
            StepVerifier.create(auth.signedIn(signInCommand("nobody@example.com", "guess " + attempt)))
                    .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_EMAIL_OR_PASSWORD));
        }
        int hashesSoFar = auth.hasher.checks.get();

        StepVerifier.create(auth.signedIn(signInCommand("NOBODY@example.com", "guess 10")))
                .verifyError(RateLimitedException.class);
        assertThat(auth.hasher.checks).hasValue(hashesSoFar);
        auth.clock.advance(Duration.ofMinutes(1));
        StepVerifier.create(auth.signedIn(signInCommand("nobody@example.com", "guess 11")))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_EMAIL_OR_PASSWORD));
    }

    @Test
    void signInWhenEmailUnknownThenSameErrorAfterOneHashCheck() {
        StepVerifier.create(auth.signedIn(signInCommand("nobody@example.com", PASSWORD)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_EMAIL_OR_PASSWORD));
        assertThat(auth.hasher.checks).hasValue(1);
    }

    @Test
    void signInWhenEmailNotVerifiedThenEmailNotVerifiedAndNoSession() {
        auth.signUp("ada@example.com");

        StepVerifier.create(auth.signedIn(signInCommand("ada@example.com", PASSWORD)))
                .verifyErrorMatches(AuthErrors.is(AuthError.EMAIL_NOT_VERIFIED));
        assertThat(auth.sessions.sessions).isEmpty();
    }

    @Test
    void signInWhenEmailUnverifiedAndPasswordWrongThenDoesNotRevealTheAccount() {
        auth.signUp("ada@example.com");

        StepVerifier.create(auth.signedIn(signInCommand("ada@example.com", "wrong password")))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_EMAIL_OR_PASSWORD));
    }

    @Test
    void signInWhenEmailMalformedThenInvalidEmail() {
        assertThatThrownBy(() -> signInCommand("nope", PASSWORD)).matches(AuthErrors.is(AuthError.INVALID_EMAIL));
    }

    @Test
    void signInWhenPasswordTooLongThenPasswordTooLongWithoutHashing() {
        StepVerifier.create(auth.signedIn(signInCommand("ada@example.com", "x".repeat(129))))
                .verifyErrorMatches(AuthErrors.is(AuthError.PASSWORD_TOO_LONG));
        assertThat(auth.hasher.checks).hasValue(0);
    }

    @Test
    void signInWhenHashIsOutdatedThenRehashesIt() {
        auth.signUpVerifyAndSignIn("ada@example.com");
        var userId = auth.users.users.keySet().iterator().next();
        String current = auth.hasher.hash(PASSWORD).block().encoded();
        auth.users.hashes.put(userId, new PasswordHash(current.replace("$fake$v=2$", "$fake$v=1$")));

        auth.signedIn(signInCommand("ada@example.com", PASSWORD)).block();

        assertThat(auth.users.hashes.get(userId).encoded()).isEqualTo(current);
    }

    @Test
    void signInWhenRefusedThenAnswersAfterTheFloorForKnownAndUnknownAddressesAlikeAndAtOnceWhenSignedIn() {
        auth.signUpVerifyAndSignIn("ada@example.com");
        AuthPolicy floored = new AuthPolicy(auth.policy.passwordPolicy(),
                auth.policy.sessionLifetime(), auth.policy.verificationTokenValidity(), Duration.ofMillis(500), true);
        SignInService signIn = new SignInService(auth.users, auth.hasher, auth.sessionReplacement, auth.secondStep,
                floored, auth.limiter, auth.clock, auth.events);

        for (String email : new String[] {"ada@example.com", "nobody@example.com"}) {
            StepVerifier.withVirtualTime(() -> signIn.signIn(signInCommand(email, "wrong password")))
                    .expectSubscription()
                    .expectNoEvent(Duration.ofMillis(450))
                    .thenAwait(Duration.ofMillis(50))
                    .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_EMAIL_OR_PASSWORD));
        }
        StepVerifier.withVirtualTime(() -> signIn.signIn(signInCommand("ada@example.com", PASSWORD)))
                .expectNextCount(1)
                .verifyComplete();
    }
}
