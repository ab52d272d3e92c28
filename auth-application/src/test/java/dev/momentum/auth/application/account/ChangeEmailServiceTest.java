package dev.momentum.auth.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.account.port.in.ChangeEmailCommand;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.application.mail.port.out.AccountMail.EmailChangeMail;
import dev.momentum.auth.application.mail.port.out.AccountMail.EmailChangedNotice;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.application.verification.port.in.VerifyEmailCommand;
import dev.momentum.auth.application.verification.port.in.VerifyEmailResult;
import dev.momentum.auth.application.verification.port.in.VerifyEmailResult.EmailChangedResult;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.token.LinkToken;
import dev.momentum.auth.domain.user.EmailAddress;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ChangeEmailServiceTest {

    private final TestAuthService auth = new TestAuthService();
    private final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    private Mono<Void> change(String newEmail) {
        return auth.changeEmail.changeEmail(ChangeEmailCommand.of(ada.token(), newEmail, "/settings"));
    }

    private String tokenOf(EmailChangeMail mail) {
        String query = mail.link().getQuery();
        return query.substring("token=".length(), query.indexOf('&'));
    }

    private Mono<VerifyEmailResult> follow(EmailChangeMail mail, BearerToken sessionToken) {
        return auth.verifyEmail.verify(new VerifyEmailCommand(new LinkToken(tokenOf(mail)), sessionToken, ClientInfo.UNKNOWN));
    }

    private EmailChangeMail lastChangeMail() {
        return (EmailChangeMail) auth.outbox.queued().getLast();
    }

    private EmailAddress emailOfAda() {
        return auth.users.findById(ada.user().id()).block().email();
    }

    @Test
    void changeEmailWhenRequestedThenMailsTheNewAddressAndChangesNothingYet() {
        change("Ada.New@example.com").block();

        EmailChangeMail mail = lastChangeMail();
        assertThat(mail.to().value()).isEqualTo("ada.new@example.com");
        assertThat(mail.link().toString()).matches(
                "http://links.test/verify-email\\?token=\\S+&callbackURL=/settings");
        assertThat(emailOfAda().value()).isEqualTo("ada@example.com");
    }

    @Test
    void verifyWhenChangeLinkFollowedThenAddressChangesVerifiedAndTheOldAddressIsTold() {
        change("ada.new@example.com").block();

        StepVerifier.create(follow(lastChangeMail(), null))
                .assertNext(result -> assertThat(result).isInstanceOfSatisfying(EmailChangedResult.class, changed -> {
                    assertThat(changed.user().email().value()).isEqualTo("ada.new@example.com");
                    assertThat(changed.user().emailVerified()).isTrue();
                }))
                .verifyComplete();
        assertThat(auth.outbox.queued().getLast()).isInstanceOfSatisfying(EmailChangedNotice.class, notice -> {
            assertThat(notice.to().value()).isEqualTo("ada@example.com");
            assertThat(notice.newEmail().value()).isEqualTo("ada.new@example.com");
        });
        assertThat(auth.getSession.getSession(ada.token()).block().user().email().value())
                .isEqualTo("ada.new@example.com");
    }

    @Test
    void verifyWhenChangeLinkFollowedInTheOwnersSessionThenChanges() {
        change("ada.new@example.com").block();

        StepVerifier.create(follow(lastChangeMail(), ada.token()))
                .assertNext(result -> assertThat(result).isInstanceOf(EmailChangedResult.class))
                .verifyComplete();
    }

    @Test
    void verifyWhenChangeLinkFollowedInAnotherUsersSessionThenInvalidUserAndNothingChanges() {
        SessionResult bob = auth.signUpVerifyAndSignIn("bob@example.com");
        change("ada.new@example.com").block();
        EmailChangeMail mail = (EmailChangeMail) auth.outbox.queued().stream()
                .filter(EmailChangeMail.class::isInstance).reduce((a, b) -> b).orElseThrow();

        StepVerifier.create(follow(mail, bob.token())).verifyErrorMatches(AuthErrors.is(AuthError.INVALID_USER));
        assertThat(emailOfAda().value()).isEqualTo("ada@example.com");
    }

    @Test
    void verifyWhenAddressWasTakenSinceTheRequestThenRefusedAndNothingChanges() {
        change("ada.new@example.com").block();
        EmailChangeMail mail = lastChangeMail();
        auth.signUp("ada.new@example.com");

        StepVerifier.create(follow(mail, null))
                .verifyErrorMatches(AuthErrors.is(AuthError.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL));
        assertThat(emailOfAda().value()).isEqualTo("ada@example.com");
    }

    @Test
    void changeEmailWhenRequestedTwiceThenOnlyTheNewestLinkWorks() {
        change("first@example.com").block();
        EmailChangeMail first = lastChangeMail();
        change("second@example.com").block();

        StepVerifier.create(follow(first, null)).verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TOKEN));
        StepVerifier.create(follow(lastChangeMail(), null)).expectNextCount(1).verifyComplete();
        assertThat(emailOfAda().value()).isEqualTo("second@example.com");
    }

    @Test
    void changeEmailWhenAnotherAccountHasTheAddressThenSameAnswerAndNoMail() {
        auth.signUp("bob@example.com");
        int mailsBefore = auth.outbox.queued().size();

        StepVerifier.create(change("bob@example.com")).verifyComplete();
        assertThat(auth.outbox.queued()).hasSize(mailsBefore);
    }

    @Test
    void changeEmailWhenInputOrStateIsWrongThenTheContractsErrors() {
        StepVerifier.create(change("ADA@example.com")).verifyErrorMatches(AuthErrors.is(AuthError.EMAIL_IS_THE_SAME));
        assertThatThrownBy(() -> ChangeEmailCommand.of(ada.token(), "not-an-address", null))
                .matches(AuthErrors.invalid("newEmail", Defect.NOT_AN_EMAIL_ADDRESS));
        assertThatThrownBy(() -> ChangeEmailCommand.of(ada.token(), null, null))
                .matches(AuthErrors.is(AuthError.VALIDATION_ERROR));
        StepVerifier.create(auth.changeEmail.changeEmail(ChangeEmailCommand.of(null, "x@example.com", null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.UNAUTHORIZED));
        var disabled = new ChangeEmailService(auth.getSession, auth.sessions, auth.users, auth.verificationMailing,
                auth.transactions, new AccountChanges(false, true, false), auth.events);
        StepVerifier.create(disabled.changeEmail(ChangeEmailCommand.of(ada.token(), "x@example.com", null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.CHANGE_EMAIL_DISABLED));
    }
}
