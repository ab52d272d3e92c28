package dev.momentum.auth.application.passkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.passkey.port.in.PasskeySignInCommand;
import dev.momentum.auth.application.passkey.port.in.RegisterPasskeyCommand;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.testing.TestCeremonies;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.passkey.Passkey;
import dev.momentum.auth.domain.session.ClientInfo;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class PasskeyServiceTest {

    final TestAuthService auth = new TestAuthService();
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");
    final SessionResult bob = auth.signUpVerifyAndSignIn("bob@example.com");

    @Test
    void registerThenStoredForTheUserAndItsChallengeWorksOnce() {
        String challenge = auth.passkeyService.registrationOptions(ada.token()).block().challenge();

        Passkey passkey = auth.passkeyService.register(new RegisterPasskeyCommand(ada.token(), challenge,
                TestCeremonies.response("cred-1", challenge, 3), " Laptop ")).block();

        assertThat(passkey.userId()).isEqualTo(ada.user().id());
        assertThat(passkey.name()).isEqualTo("Laptop");
        assertThat(passkey.counter()).isEqualTo(3);
        assertThat(auth.auditTrail.events()).extracting(event -> event.type()).contains(SecurityEventType.PASSKEY_REGISTRATION);
        StepVerifier.create(auth.passkeyService.register(new RegisterPasskeyCommand(ada.token(), challenge,
                        TestCeremonies.response("cred-2", challenge, 0), null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.CHALLENGE_NOT_FOUND));
        assertThat(auth.passkeyService.registrationOptions(ada.token()).block().excluded()).containsExactly(passkey);
    }

    @Test
    void registerWhenTheChallengeIsAnotherUsersOrTheAnswerIsForAnotherChallengeThenRefusedAndNothingStored() {
        String bobs = auth.passkeyService.registrationOptions(bob.token()).block().challenge();
        String adas = auth.passkeyService.registrationOptions(ada.token()).block().challenge();

        StepVerifier.create(auth.passkeyService.register(new RegisterPasskeyCommand(ada.token(), bobs,
                        TestCeremonies.response("cred-1", bobs, 0), null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.YOU_ARE_NOT_ALLOWED_TO_REGISTER_THIS_PASSKEY));
        StepVerifier.create(auth.passkeyService.register(new RegisterPasskeyCommand(ada.token(), adas,
                        TestCeremonies.response("cred-1", "another challenge", 0), null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.FAILED_TO_VERIFY_REGISTRATION));
        StepVerifier.create(auth.passkeyService.register(new RegisterPasskeyCommand(ada.token(), null, "{}", null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.CHALLENGE_NOT_FOUND));
        assertThat(auth.passkeys.passkeys).isEmpty();
    }

    @Test
    void registrationOptionsWhenTheSessionIsOlderThanADayThenSessionNotFresh() {
        auth.clock.advance(Duration.ofDays(1).plusMinutes(1));

        StepVerifier.create(auth.passkeyService.registrationOptions(ada.token()))
                .verifyErrorMatches(AuthErrors.is(AuthError.SESSION_NOT_FRESH));
    }

    @Test
    void signInThenASessionOfThePasskeysUserAndTheCounterMovedOn() {
        registered(ada, "cred-1", 3);
        String challenge = auth.passkeyService.authenticationOptions(null).block().challenge();

        SessionResult session = auth.passkeyService.signIn(new PasskeySignInCommand(challenge,
                TestCeremonies.response("cred-1", challenge, 4), ClientInfo.UNKNOWN, null)).block();

        assertThat(session.user().id()).isEqualTo(ada.user().id());
        assertThat(auth.passkeys.findByCredentialId("cred-1").block().counter()).isEqualTo(4);
    }

    @Test
    void signInWhenTheCounterWentBackwardsOrTheChallengeIsReplayedOrUnknownThenRefused() {
        registered(ada, "cred-1", 3);
        String first = challenge();
        auth.passkeyService.signIn(new PasskeySignInCommand(first, TestCeremonies.response("cred-1", first, 4),
                ClientInfo.UNKNOWN, null)).block();
        String second = challenge();

        StepVerifier.create(auth.passkeyService.signIn(new PasskeySignInCommand(first,
                        TestCeremonies.response("cred-1", first, 5), ClientInfo.UNKNOWN, null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.CHALLENGE_NOT_FOUND));
        StepVerifier.create(auth.passkeyService.signIn(new PasskeySignInCommand(second,
                        TestCeremonies.response("cred-1", second, 4), ClientInfo.UNKNOWN, null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.AUTHENTICATION_FAILED));
        String third = challenge();
        StepVerifier.create(auth.passkeyService.signIn(new PasskeySignInCommand(third,
                        TestCeremonies.response("unknown", third, 9), ClientInfo.UNKNOWN, null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.PASSKEY_NOT_FOUND));
        assertThat(auth.passkeys.findByCredentialId("cred-1").block().counter()).isEqualTo(4);
    }

    @Test
    void signInWhenOneAssertionRacesOnTwoChallengesThenOneSession() {
        registered(ada, "cred-1", 0);
        List<String> challenges = List.of(challenge(), challenge());

        List<Boolean> signedIn = Flux.fromIterable(challenges)
                .flatMap(challenge -> auth.passkeyService.signIn(new PasskeySignInCommand(challenge,
                        TestCeremonies.response("cred-1", challenge, 7), ClientInfo.UNKNOWN, null))
                        .map(session -> true).onErrorReturn(false), 2)
                .collectList().block();

        assertThat(signedIn).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void authenticationOptionsWithASessionThenItsPasskeysAreAllowedAndWithoutNone() {
        Passkey passkey = registered(ada, "cred-1", 0);

        assertThat(auth.passkeyService.authenticationOptions(ada.token()).block().allowed()).containsExactly(passkey);
        assertThat(auth.passkeyService.authenticationOptions(null).block().allowed()).isEmpty();
    }

    @Test
    void renameAndDeleteWhenAnotherUsersPasskeyThenPasskeyNotFoundAndItStays() {
        Passkey passkey = registered(ada, "cred-1", 0);

        StepVerifier.create(auth.passkeyService.rename(bob.token(), passkey.id(), "mine"))
                .verifyErrorMatches(AuthErrors.is(AuthError.PASSKEY_NOT_FOUND));
        StepVerifier.create(auth.passkeyService.delete(bob.token(), passkey.id()))
                .verifyErrorMatches(AuthErrors.is(AuthError.PASSKEY_NOT_FOUND));
        assertThat(auth.passkeyService.rename(ada.token(), passkey.id(), "Phone").block().name()).isEqualTo("Phone");
        auth.passkeyService.delete(ada.token(), passkey.id()).block();
        assertThat(auth.passkeyService.list(ada.token()).collectList().block()).isEmpty();
    }

    private String challenge() {
        return auth.passkeyService.authenticationOptions(null).block().challenge();
    }

    private Passkey registered(SessionResult session, String credentialId, long counter) {
        String challenge = auth.passkeyService.registrationOptions(session.token()).block().challenge();
        return auth.passkeyService.register(new RegisterPasskeyCommand(session.token(), challenge,
                TestCeremonies.response(credentialId, challenge, counter), null)).block();
    }
}
