package dev.momentum.auth.application.twofactor;

import static dev.momentum.auth.application.testing.TestAuthService.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.signing.IssueTokenService;
import dev.momentum.auth.application.signing.TokenPolicy;
import dev.momentum.auth.application.support.SettingsReader;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.twofactor.port.in.PasswordConfirmedCommand;
import dev.momentum.auth.application.twofactor.port.in.TotpEnrolmentResult;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand.Proof;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.SecondFactorRequirement;
import dev.momentum.auth.application.user.SecondFactorRequirement.Scope;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.twofactor.TotpCheck;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import dev.momentum.auth.domain.user.EmailAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SecondFactorRequirementTest {

    final TestAuthService auth = new TestAuthService();
    final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");
    final SessionResult boss = auth.signUpVerifyAndSignIn("boss@example.com");
    final AdminPolicy admins = new AdminPolicy(Set.of(new EmailAddress("boss@example.com")));

    @Test
    void requireWhenAllMustAndTheUserHasNoFactorThenOnlyEnrolmentAndNoJwtUntilOneIsEnabled() {
        GetSessionService sessions = sessionsUnder(Scope.ALL);
        CurrentSession current = new CurrentSession(sessions);
        IssueTokenService tokens = new IssueTokenService(sessions, auth.keyRing, auth.tokens,
                new TokenPolicy("http://localhost:3002", "http://localhost:3002", Duration.ofMinutes(15), Duration.ZERO),
                admins);

        StepVerifier.create(current.require(ada.token()))
                .verifyErrorMatches(AuthErrors.is(AuthError.TWO_FACTOR_ENROLMENT_REQUIRED));
        StepVerifier.create(tokens.issueToken(ada.token()))
                .verifyErrorMatches(AuthErrors.is(AuthError.TWO_FACTOR_ENROLMENT_REQUIRED));
        assertThat(tokens.getSessionWithJwt(ada.token(), false).block().jwt()).as("get-session's JWT").isEmpty();
        assertThat(current.requireToEnrol(ada.token()).block().enrolmentOnly()).isTrue();

        SessionResult enabled = enableTotp(ada);

        assertThat(current.require(enabled.token()).block().enrolmentOnly()).isFalse();
        assertThat(tokens.getSessionWithJwt(enabled.token(), false).block().jwt()).isPresent();
    }

    @Test
    void unmetByWhenAdminsMustThenOnlyAdministratorsWithoutAFactor() {
        SecondFactorRequirement adminsMust = new SecondFactorRequirement(Scope.ADMINS, admins);

        assertThat(adminsMust.unmetBy(boss.user())).isTrue();
        assertThat(adminsMust.unmetBy(ada.user())).isFalse();
        assertThat(new SecondFactorRequirement(Scope.NONE, admins).unmetBy(boss.user())).isFalse();
        assertThat(adminsMust.unmetBy(enableTotp(boss).user())).isFalse();
    }

    @Test
    void readThenNoneAdminsOrAllAndAnythingElseIsAProblem() {
        assertThat(read(Map.of()).scope()).isEqualTo(Scope.NONE);
        assertThat(read(Map.of("TWO_FACTOR_REQUIRED", "Admins")).scope()).isEqualTo(Scope.ADMINS);
        assertThat(read(Map.of("TWO_FACTOR_REQUIRED", "all")).scope()).isEqualTo(Scope.ALL);
        SettingsReader env = new SettingsReader(Map.of("TWO_FACTOR_REQUIRED", "sometimes")::get);
        SecondFactorRequirement.read(env, admins);
        assertThat(env.problems()).singleElement().asString().contains("TWO_FACTOR_REQUIRED must be none, admins or all");
    }

    private SecondFactorRequirement read(Map<String, String> environment) {
        SettingsReader env = new SettingsReader(environment::get);
        SecondFactorRequirement read = SecondFactorRequirement.read(env, admins);
        assertThat(env.problems()).isEmpty();
        return read;
    }

    private GetSessionService sessionsUnder(Scope scope) {
        return new GetSessionService(auth.sessions, auth.policy.sessionLifetime(),
                new SecondFactorRequirement(scope, admins), auth.clock);
    }

    private SessionResult enableTotp(SessionResult session) {
        TotpEnrolmentResult enrolment = auth.manageSecondFactor.enableTotp(new PasswordConfirmedCommand(session.token(),
                PASSWORD, ClientInfo.UNKNOWN), null).block();
        TotpSecret secret = new TotpSecret(enrolment.totpUri().substring(enrolment.totpUri().indexOf("secret=") + 7));
        return auth.verifySecondFactor.verify(new VerifySecondFactorCommand(Proof.TOTP, auth.totpCodes.codeAt(secret,
                TotpCheck.stepAt(auth.clock.instant())), session.token(), null, false, true, ClientInfo.UNKNOWN))
                .block().session();
    }
}
