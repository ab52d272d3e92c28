package dev.momentum.auth.application.twofactor;

import static dev.momentum.auth.application.testing.TestAuthService.PASSWORD;
import static dev.momentum.auth.application.testing.TestAuthService.signInCommand;
import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.credential.port.in.SignInResult;
import dev.momentum.auth.application.credential.port.in.SignInResult.SecondFactorRequiredResult;
import dev.momentum.auth.application.credential.port.in.SignInResult.SignedInResult;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.RateLimitedException;
import dev.momentum.auth.application.mail.port.out.AccountMail.SecondFactorCodeMail;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.twofactor.port.in.PasswordConfirmedCommand;
import dev.momentum.auth.application.twofactor.port.in.SecondStepResult;
import dev.momentum.auth.application.twofactor.port.in.SendSecondFactorCodeCommand;
import dev.momentum.auth.application.twofactor.port.in.TotpEnrolmentResult;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand.Proof;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.twofactor.SecondStepTerms;
import dev.momentum.auth.domain.twofactor.TotpCheck;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class SecondFactorServicesTest {

    final TestAuthService auth = new TestAuthService();

    SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    @Test
    void enableTotpThenAnUriAndTenBackupCodesAndTheFactorCountsOnlyAfterAFirstCode() {
        TotpEnrolmentResult enrolment = enable();

        assertThat(enrolment.totpUri()).startsWith("otpauth://totp/Momentum:ada@example.com?secret=");
        assertThat(enrolment.backupCodes()).hasSize(10).allMatch(code -> code.matches("[A-Za-z0-9]{5}-[A-Za-z0-9]{5}"));
        assertThat(signIn()).isInstanceOf(SignedInResult.class);
        assertThat(auth.auditTrail.events()).extracting(event -> event.type())
                .contains(SecurityEventType.TWO_FACTOR_ENROLMENT);
    }

    @Test
    void enableTotpWithAWrongPasswordThenInvalidPasswordAndNothingEnrolled() {
        StepVerifier.create(auth.manageSecondFactor.enableTotp(confirmed("wrong password"), null))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_PASSWORD));
        assertThat(auth.secondFactors.factors).isEmpty();
    }

    @Test
    void verifyTotpWithTheSessionThenTheFactorIsEnabledAndTheSessionReplaced() {
        TotpSecret secret = secretOf(enable());

        SecondStepResult result = auth.verifySecondFactor.verify(withSession(Proof.TOTP, codeNow(secret))).block();

        assertThat(result.started()).isTrue();
        assertThat(result.session().user().twoFactorEnabled()).isTrue();
        assertThat(auth.getSession.getSession(ada.token()).blockOptional()).as("the old session").isEmpty();
        assertThat(signIn()).isInstanceOf(SecondFactorRequiredResult.class);
        StepVerifier.create(auth.manageSecondFactor.enableTotp(confirmed(PASSWORD, result.session()), null))
                .verifyErrorMatches(AuthErrors.is(AuthError.TOTP_ALREADY_ENABLED));
    }

    @Test
    void signInWhenEnabledThenAChallengeWithTheMethodsAndNoSessionUntilARightCode() {
        TotpSecret secret = enabled();
        auth.sessions.sessions.clear();

        var challenge = (SecondFactorRequiredResult) signIn();

        assertThat(challenge.methods()).containsExactly("totp", "otp");
        assertThat(auth.sessions.sessions).isEmpty();
        auth.clock.advance(Duration.ofSeconds(30));
        SecondStepResult result = auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, codeNow(secret),
                challenge.challenge())).block();
        assertThat(result.started()).isTrue();
        assertThat(result.session().user().email().value()).isEqualTo("ada@example.com");
        assertThat(auth.sessions.sessions).hasSize(1);
        assertThat(auth.auditTrail.events()).last().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SecurityEventType.SECOND_FACTOR_VERIFICATION);
            assertThat(event.succeeded()).isTrue();
        });
    }

    @Test
    void verifyWhenTheChallengeIsReplayedAfterSuccessOrUnknownThenInvalidTwoFactorCookie() {
        TotpSecret secret = enabled();
        String challenge = challenge();
        auth.clock.advance(Duration.ofSeconds(30));
        auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, codeNow(secret), challenge)).block();
        auth.clock.advance(Duration.ofSeconds(30));

        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, codeNow(secret), challenge)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TWO_FACTOR_COOKIE));
        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, codeNow(secret), "forged")))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TWO_FACTOR_COOKIE));
        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, codeNow(secret), null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TWO_FACTOR_COOKIE));
    }

    @Test
    void verifyWhenTheCodeWasAcceptedBeforeThenInvalidCode() {
        TotpSecret secret = enabled();
        String used = codeNow(secret);

        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, used, challenge())))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_CODE));
    }

    @Test
    void verifyWhenOneCodeRacesOnTwoChallengesThenOneSignsIn() {
        TotpSecret secret = enabled();
        auth.clock.advance(Duration.ofSeconds(30));
        String code = codeNow(secret);
        List<String> challenges = List.of(challenge(), challenge());

        List<Boolean> signedIn = Flux.fromIterable(challenges)
                .flatMap(challenge -> auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, code, challenge))
                        .map(result -> true).onErrorReturn(false), 2)
                .collectList().block();

        assertThat(signedIn).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void verifyWhenFiveWrongCodesThenTheChallengeIsSpentAndTooManyAttempts() {
        enabled();
        String challenge = challenge();
        for (int attempt = 0; attempt < SecondStepTerms.ATTEMPTS_PER_CHALLENGE; attempt++) {
            StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, "000000", challenge)))
                    .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_CODE));
        }

        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, "000000", challenge)))
                .verifyErrorMatches(AuthErrors.is(AuthError.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE));
        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, "000000", challenge)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TWO_FACTOR_COOKIE));
    }

    @Test
    void verifyWhenTenWrongCodesInARowThenLockedForFifteenMinutesEvenForTheRightCodeAndThenOpenAgain() {
        TotpSecret secret = enabled();
        String challenge = challenge();
        for (int attempt = 0; attempt < SecondStepTerms.FAILURES_BEFORE_LOCK; attempt++) {
            if (attempt == SecondStepTerms.ATTEMPTS_PER_CHALLENGE) {
                challenge = challenge();
            }
            StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, "000000", challenge)))
                    .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_CODE));
        }
        auth.clock.advance(Duration.ofSeconds(30));

        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, codeNow(secret), challenge())))
                .verifyErrorMatches(failure -> failure instanceof RateLimitedException locked
                        && locked.code().equals(RateLimitedException.LOCKED_CODE)
                        && locked.retryAfter().equals(Duration.ofMinutes(15).minusSeconds(30)));
        assertThat(auth.auditTrail.events()).extracting(event -> event.type()).contains(SecurityEventType.TWO_FACTOR_LOCK);
        auth.clock.advance(Duration.ofMinutes(15));
        assertThat(auth.verifySecondFactor.verify(withChallenge(Proof.TOTP, codeNow(secret), challenge())).block()
                .started()).isTrue();
    }

    @Test
    void verifyBackupCodeThenItSignsInOnceAndNotTwice() {
        TotpEnrolmentResult enrolment = enable();
        verifyEnrolment(enrolment);
        String backupCode = enrolment.backupCodes().get(3);

        assertThat(auth.verifySecondFactor.verify(withChallenge(Proof.BACKUP_CODE, backupCode, challenge())).block()
                .started()).isTrue();

        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.BACKUP_CODE, backupCode, challenge())))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_BACKUP_CODE));
        assertThat(auth.auditTrail.events()).filteredOn(event -> event.type() == SecurityEventType.BACKUP_CODE_USE)
                .singleElement().satisfies(event -> assertThat(event.detail()).isEqualTo("9 left"));
    }

    @Test
    void verifyBackupCodeWhenOneCodeRacesThenOneSignsInAndTheOtherConflictsOrFails() {
        TotpEnrolmentResult enrolment = enable();
        verifyEnrolment(enrolment);
        String backupCode = enrolment.backupCodes().getFirst();
        List<String> challenges = List.of(challenge(), challenge(), challenge());

        List<Boolean> signedIn = Flux.fromIterable(challenges)
                .flatMap(challenge -> auth.verifySecondFactor.verify(withChallenge(Proof.BACKUP_CODE, backupCode,
                        challenge)).map(result -> true).onErrorReturn(false), 3)
                .collectList().block();

        assertThat(signedIn).containsOnlyOnce(true);
    }

    @Test
    void signInFromATrustedDeviceThenNoChallengeAndTheDeviceTokenIsRotated() {
        SecondStepResult trusted = signedInTrustingTheDevice();
        String device = trusted.trustedDevice().orElseThrow();

        SignInResult again = auth.signIn.signIn(signInCommand("ada@example.com", PASSWORD).withTrustedDevice(device))
                .block();

        assertThat(again).isInstanceOfSatisfying(SignedInResult.class, signedIn ->
                assertThat(signedIn.trustedDevice()).hasValueSatisfying(renewed -> assertThat(renewed).isNotEqualTo(device)));
        assertThat(auth.signIn.signIn(signInCommand("ada@example.com", PASSWORD).withTrustedDevice(device)).block())
                .as("the old token, spent").isInstanceOf(SecondFactorRequiredResult.class);
    }

    @Test
    void disableThenSignInNeedsNoCodeAndTrustedDevicesAreForgotten() {
        SecondStepResult trusted = signedInTrustingTheDevice();

        SessionResult after = auth.manageSecondFactor.disable(confirmed(PASSWORD, trusted.session())).block();

        assertThat(after.user().twoFactorEnabled()).isFalse();
        assertThat(auth.getSession.getSession(trusted.session().token()).blockOptional()).isEmpty();
        assertThat(signIn()).isInstanceOf(SignedInResult.class);
        assertThat(auth.verificationTokens.tokens.values()).noneMatch(token ->
                token.purpose() == VerificationPurpose.TRUSTED_DEVICE
                        && !auth.verificationTokens.spent.contains(token.hash()));
    }

    @Test
    void replaceBackupCodesThenTheOldOnesStopWorking() {
        TotpEnrolmentResult enrolment = enable();
        SessionResult session = verifyEnrolment(enrolment);

        List<String> fresh = auth.manageSecondFactor.replaceBackupCodes(confirmed(PASSWORD, session)).block();

        assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(enrolment.backupCodes());
        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.BACKUP_CODE,
                        enrolment.backupCodes().getFirst(), challenge())))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_BACKUP_CODE));
        assertThat(auth.verifySecondFactor.verify(withChallenge(Proof.BACKUP_CODE, fresh.getFirst(), challenge()))
                .block().started()).isTrue();
    }

    @Test
    void totpUriThenTheEnrolledSecretAndWithoutAnAppTotpNotEnabled() {
        StepVerifier.create(auth.manageSecondFactor.totpUri(confirmed(PASSWORD)))
                .verifyErrorMatches(AuthErrors.is(AuthError.TOTP_NOT_ENABLED));
        TotpEnrolmentResult enrolment = enable();

        assertThat(auth.manageSecondFactor.totpUri(confirmed(PASSWORD)).block()).isEqualTo(enrolment.totpUri());
    }

    @Test
    void verifyWithoutAFactorThenTotpNotEnabledOrBackupCodesNotEnabled() {
        StepVerifier.create(auth.verifySecondFactor.verify(withSession(Proof.TOTP, "123456")))
                .verifyErrorMatches(AuthErrors.is(AuthError.TOTP_NOT_ENABLED));
        StepVerifier.create(auth.verifySecondFactor.verify(withSession(Proof.BACKUP_CODE, "abcde-fghij")))
                .verifyErrorMatches(AuthErrors.is(AuthError.BACKUP_CODES_NOT_ENABLED));
    }

    @Test
    void sendOtpForAChallengeThenTheMailedCodeCompletesThatSignInOnceAndNoOther() {
        enabled();
        String challenge = challenge();
        String other = challenge();

        auth.verifySecondFactor.send(new SendSecondFactorCodeCommand(null, challenge)).block();
        String code = lastMailedCode();

        assertThat(auth.deliveryWakeUps).hasPositiveValue();
        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.OTP, code, other)))
                .as("a code sent for another challenge").verifyErrorMatches(AuthErrors.is(AuthError.INVALID_CODE));
        assertThat(auth.verifySecondFactor.verify(withChallenge(Proof.OTP, code, challenge)).block().started()).isTrue();
        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.OTP, code, other)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_CODE));
    }

    @Test
    void verifyOtpWhenThreeMinutesPassedThenOtpHasExpired() {
        enabled();
        String challenge = challenge();
        auth.verifySecondFactor.send(new SendSecondFactorCodeCommand(null, challenge)).block();
        auth.clock.advance(Duration.ofMinutes(3));

        StepVerifier.create(auth.verifySecondFactor.verify(withChallenge(Proof.OTP, lastMailedCode(), challenge)))
                .verifyErrorMatches(AuthErrors.is(AuthError.OTP_HAS_EXPIRED));
    }

    @Test
    void sendOtpWithoutASessionOrAnOpenChallengeThenInvalidTwoFactorCookieAndNoMail() {
        int mailsBefore = auth.outbox.queued().size();

        StepVerifier.create(auth.verifySecondFactor.send(new SendSecondFactorCodeCommand(null, "no such challenge")))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TWO_FACTOR_COOKIE));
        StepVerifier.create(auth.verifySecondFactor.send(new SendSecondFactorCodeCommand(null, null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TWO_FACTOR_COOKIE));
        assertThat(auth.outbox.queued()).hasSize(mailsBefore);
    }

    @Test
    void enableMailedCodesThenEnabledAtOnceTheSessionReplacedAndSignInAsksForAMailedCode() {
        SessionResult after = auth.manageSecondFactor.enableMailedCodes(confirmed(PASSWORD)).block();

        assertThat(after.user().twoFactorEnabled()).isTrue();
        assertThat(auth.getSession.getSession(ada.token()).blockOptional()).isEmpty();
        assertThat(((SecondFactorRequiredResult) signIn()).methods()).containsExactly("otp");
    }

    @Test
    void verifyOtpWithTheSessionThenCodesByMailAreEnabledAndTheSessionReplaced() {
        auth.verifySecondFactor.send(new SendSecondFactorCodeCommand(ada.token(), null)).block();

        SecondStepResult result = auth.verifySecondFactor.verify(withSession(Proof.OTP, lastMailedCode())).block();

        assertThat(result.started()).isTrue();
        assertThat(result.session().user().twoFactorEnabled()).isTrue();
    }

    private String lastMailedCode() {
        return ((SecondFactorCodeMail) auth.outbox.queued().getLast()).code();
    }

    private SecondStepResult signedInTrustingTheDevice() {
        TotpSecret secret = enabled();
        auth.clock.advance(Duration.ofSeconds(30));
        return auth.verifySecondFactor.verify(new VerifySecondFactorCommand(Proof.TOTP, codeNow(secret), null,
                challenge(), true, true, ClientInfo.UNKNOWN)).block();
    }

    private TotpEnrolmentResult enable() {
        return auth.manageSecondFactor.enableTotp(confirmed(PASSWORD), null).block();
    }

    private SessionResult verifyEnrolment(TotpEnrolmentResult enrolment) {
        SessionResult session = auth.verifySecondFactor.verify(withSession(Proof.TOTP, codeNow(secretOf(enrolment))))
                .block().session();
        ada = session;
        return session;
    }

    private TotpSecret enabled() {
        TotpEnrolmentResult enrolment = enable();
        verifyEnrolment(enrolment);
        return secretOf(enrolment);
    }

    private SignInResult signIn() {
        return auth.signIn.signIn(signInCommand("ada@example.com", PASSWORD)).block();
    }

    private String challenge() {
        return ((SecondFactorRequiredResult) Objects.requireNonNull(signIn())).challenge();
    }

    private PasswordConfirmedCommand confirmed(String password) {
        return confirmed(password, ada);
    }

    private static PasswordConfirmedCommand confirmed(String password, SessionResult session) {
        return new PasswordConfirmedCommand(session.token(), password, ClientInfo.UNKNOWN);
    }

    private VerifySecondFactorCommand withSession(Proof proof, String code) {
        return new VerifySecondFactorCommand(proof, code, ada.token(), null, false, true, ClientInfo.UNKNOWN);
    }

    private static VerifySecondFactorCommand withChallenge(Proof proof, String code, String challenge) {
        return new VerifySecondFactorCommand(proof, code, null, challenge, false, true, ClientInfo.UNKNOWN);
    }

    private static TotpSecret secretOf(TotpEnrolmentResult enrolment) {
        return new TotpSecret(enrolment.totpUri().substring(enrolment.totpUri().indexOf("secret=") + "secret=".length()));
    }

    private String codeNow(TotpSecret secret) {
        return auth.totpCodes.codeAt(secret, TotpCheck.stepAt(auth.clock.instant()));
    }
}
