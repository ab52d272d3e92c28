package dev.momentum.auth.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.credential.port.in.SignInCommand;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.session.port.in.RevokeSessionCommand;
import dev.momentum.auth.application.session.port.in.RevokeSessionsCommand;
import dev.momentum.auth.application.session.port.in.RevokeSessionsCommand.Which;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SessionLifecycleServicesTest {

    private final TestAuthService auth = new TestAuthService();

    private SessionResult secondSignIn() {
        return auth.signedIn(TestAuthService.signInCommand("ada@example.com", TestAuthService.PASSWORD)).block();
    }

    @Test
    void getSessionWhenLastExtendedADayAgoAndRefreshAllowedThenSlidesAndSaysSo() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");
        auth.clock.advance(Duration.ofDays(1));

        StepVerifier.create(auth.getSession.getSession(signedIn.token(), true))
                .assertNext(result -> {
                    assertThat(result.refreshed()).isTrue();
                    assertThat(result.session().expiresAt()).isEqualTo(auth.clock.instant().plus(Duration.ofDays(7)));
                })
                .verifyComplete();
        assertThat(auth.getSession.getSession(signedIn.token(), true).block().refreshed())
                .as("a second look the same day does not extend again").isFalse();
    }

    @Test
    void getSessionWhenRefreshNotAllowedThenExpiryStays() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");
        auth.clock.advance(Duration.ofDays(2));

        var result = auth.getSession.getSession(signedIn.token(), false).block();

        assertThat(result.refreshed()).isFalse();
        assertThat(result.session().expiresAt()).isEqualTo(signedIn.session().expiresAt());
    }

    @Test
    void getSessionWhenUsedEveryFewDaysThenSlidesUntilThirtyDaysAfterSignInAndNoFurther() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");

        for (int use = 1; use <= 4; use++) {
            auth.clock.advance(Duration.ofDays(6));
            assertThat(auth.getSession.getSession(signedIn.token(), true).block()).as("day %d", 6 * use).isNotNull();
        }
        auth.clock.advance(Duration.ofDays(6));
        assertThat(auth.getSession.getSession(signedIn.token(), true).block()).as("day 30").isNull();
    }

    @Test
    void listSessionsWhenFreshThenAllLiveSessionsOfTheUser() {
        var first = auth.signUpVerifyAndSignIn("ada@example.com");
        secondSignIn();

        StepVerifier.create(auth.listSessions.listSessions(first.token()))
                .assertNext(list -> {
                    assertThat(list.current().session().id()).isEqualTo(first.session().id());
                    assertThat(list.sessions()).hasSize(3)
                            .allMatch(session -> session.userId().equals(first.user().id()));
                })
                .verifyComplete();
    }

    @Test
    void listSessionsWhenSignedInMoreThanADayAgoThenSessionNotFresh() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");
        auth.clock.advance(Duration.ofDays(1));

        StepVerifier.create(auth.listSessions.listSessions(signedIn.token()))
                .verifyErrorMatches(AuthErrors.is(AuthError.SESSION_NOT_FRESH));
    }

    @Test
    void listSessionsWhenNoSessionThenUnauthorized() {
        StepVerifier.create(auth.listSessions.listSessions(new BearerToken("unknown")))
                .verifyErrorMatches(AuthErrors.is(AuthError.UNAUTHORIZED));
        StepVerifier.create(auth.listSessions.listSessions(null))
                .verifyErrorMatches(AuthErrors.is(AuthError.UNAUTHORIZED));
    }

    @Test
    void revokeSessionWhenHandleOfOwnOtherSessionThenItEndsAtOnce() {
        var first = auth.signUpVerifyAndSignIn("ada@example.com");
        var other = secondSignIn();

        StepVerifier.create(auth.revokeSessions.revokeSession(new RevokeSessionCommand(first.token(), other.session().id().value())))
                .expectNext(false).verifyComplete();
        StepVerifier.create(auth.getSession.getSession(other.token())).verifyComplete();
        assertThat(auth.getSession.getSession(first.token()).block()).isNotNull();
    }

    @Test
    void revokeSessionWhenOwnTokenThenEndsItAndSaysSo() {
        var first = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.revokeSessions.revokeSession(new RevokeSessionCommand(first.token(), first.token().value())))
                .expectNext(true).verifyComplete();
        StepVerifier.create(auth.getSession.getSession(first.token())).verifyComplete();
    }

    @Test
    void revokeSessionWhenSessionOfAnotherUserThenNothingChanges() {
        var ada = auth.signUpVerifyAndSignIn("ada@example.com");
        var bob = auth.signUpVerifyAndSignIn("bob@example.com");

        StepVerifier.create(auth.revokeSessions.revokeSession(new RevokeSessionCommand(ada.token(), bob.session().id().value())))
                .expectNext(false).verifyComplete();
        StepVerifier.create(auth.revokeSessions.revokeSession(new RevokeSessionCommand(ada.token(), bob.token().value())))
                .expectNext(false).verifyComplete();
        assertThat(auth.getSession.getSession(bob.token()).block()).isNotNull();
    }

    @Test
    void revokeOtherSessionsThenOnlyTheCallersRemains() {
        var first = auth.signUpVerifyAndSignIn("ada@example.com");
        var other = secondSignIn();

        auth.revokeSessions.revokeSessions(new RevokeSessionsCommand(first.token(), Which.OTHERS)).block();

        assertThat(auth.getSession.getSession(first.token()).block()).isNotNull();
        assertThat(auth.getSession.getSession(other.token()).block()).isNull();
    }

    @Test
    void revokeAllSessionsThenNoneRemains() {
        var first = auth.signUpVerifyAndSignIn("ada@example.com");
        var other = secondSignIn();

        auth.revokeSessions.revokeSessions(new RevokeSessionsCommand(other.token(), Which.ALL)).block();

        assertThat(auth.getSession.getSession(first.token()).block()).isNull();
        assertThat(auth.getSession.getSession(other.token()).block()).isNull();
    }

    @Test
    void revokeWhenNoSessionThenUnauthorized() {
        StepVerifier.create(auth.revokeSessions.revokeSessions(new RevokeSessionsCommand(new BearerToken("unknown"), Which.ALL)))
                .verifyErrorMatches(AuthErrors.is(AuthError.UNAUTHORIZED));
    }

    @Test
    void listAccountsThenTheCredentialAccount() {
        var signedIn = auth.signUpVerifyAndSignIn("ada@example.com");

        StepVerifier.create(auth.listAccounts.listAccounts(signedIn.token()))
                .assertNext(accounts -> assertThat(accounts).singleElement()
                        .satisfies(account -> assertThat(account.providerId()).isEqualTo("credential")))
                .verifyComplete();
    }

    @Test
    void signInWhenClientKnownThenSessionKeepsIt() {
        auth.signUpVerifyAndSignIn("ada@example.com");

        var result = auth.signedIn(SignInCommand.of("ada@example.com",
                TestAuthService.PASSWORD, true, new ClientInfo("203.0.113.7", "Firefox"), null)).block();

        assertThat(result.session().ipAddress()).isEqualTo("203.0.113.7");
    }
}
