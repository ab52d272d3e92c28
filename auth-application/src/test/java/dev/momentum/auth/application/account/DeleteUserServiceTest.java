package dev.momentum.auth.application.account;

import static dev.momentum.auth.application.testing.TestAuthService.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.account.port.in.ConfirmDeletionCommand;
import dev.momentum.auth.application.account.port.in.DeleteUserCommand;
import dev.momentum.auth.application.account.port.in.DeleteUserUseCase.DeleteUserResult;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.mail.port.out.AccountMail.AccountDeletionMail;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.testing.AuthErrors;
import dev.momentum.auth.application.testing.TestAuthService;
import dev.momentum.auth.domain.token.LinkToken;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class DeleteUserServiceTest {

    private final TestAuthService auth = new TestAuthService();
    private final SessionResult ada = auth.signUpVerifyAndSignIn("ada@example.com");

    private DeleteUserService withConfirmationByMail() {
        return new DeleteUserService(auth.getSession, auth.sessions, auth.users, auth.users, auth.hasher, auth.verificationTokens,
                auth.verificationMailing, auth.transactions, new AccountChanges(false, true, true), auth.policy, auth.clock, auth.events);
    }

    private boolean adaExists() {
        return auth.users.findById(ada.user().id()).blockOptional().isPresent();
    }

    private String tokenOfDeletionMail() {
        String query = ((AccountDeletionMail) auth.outbox.queued().getLast()).link().getQuery();
        return query.substring("token=".length(), query.indexOf('&'));
    }

    @Test
    void deleteUserWhenSessionIsFreshThenDeletesTheUserAndTheirSessions() {
        StepVerifier.create(auth.deleteUser.deleteUser(DeleteUserCommand.of(ada.token(), null, null, null)))
                .expectNext(DeleteUserResult.DELETED).verifyComplete();

        assertThat(adaExists()).isFalse();
        assertThat(auth.getSession.getSession(ada.token()).blockOptional()).isEmpty();
    }

    @Test
    void deleteUserWhenSessionIsOldAndNoPasswordThenSessionExpired() {
        auth.clock.advance(Duration.ofDays(2));
        SessionResult refreshed = auth.getSession.getSession(ada.token()).block();

        StepVerifier.create(auth.deleteUser.deleteUser(DeleteUserCommand.of(refreshed.token(), null, null, null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.SESSION_EXPIRED));
        assertThat(adaExists()).isTrue();
    }

    @Test
    void deleteUserWhenSessionIsOldAndPasswordIsRightThenDeletes() {
        auth.clock.advance(Duration.ofDays(2));

        StepVerifier.create(auth.deleteUser.deleteUser(DeleteUserCommand.of(ada.token(), PASSWORD, null, null)))
                .expectNext(DeleteUserResult.DELETED).verifyComplete();
        assertThat(adaExists()).isFalse();
    }

    @Test
    void deleteUserWhenPasswordIsWrongOrTooLongThenRefusedAndNothingIsDeleted() {
        StepVerifier.create(auth.deleteUser.deleteUser(DeleteUserCommand.of(ada.token(), "wrong password!", null, null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_PASSWORD));
        StepVerifier.create(auth.deleteUser.deleteUser(DeleteUserCommand.of(ada.token(), "x".repeat(129), null, null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.PASSWORD_TOO_LONG));
        assertThat(adaExists()).isTrue();
    }

    @Test
    void deleteUserWhenDisabledOrSignedOutThenNotFoundOrUnauthorized() {
        var disabled = new DeleteUserService(auth.getSession, auth.sessions, auth.users, auth.users, auth.hasher, auth.verificationTokens,
                auth.verificationMailing, auth.transactions, new AccountChanges(true, false, false), auth.policy, auth.clock, auth.events);

        StepVerifier.create(disabled.deleteUser(DeleteUserCommand.of(ada.token(), PASSWORD, null, null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.NOT_FOUND));
        StepVerifier.create(auth.deleteUser.deleteUser(DeleteUserCommand.of(null, PASSWORD, null, null)))
                .verifyErrorMatches(AuthErrors.is(AuthError.UNAUTHORIZED));
        assertThat(adaExists()).isTrue();
    }

    @Test
    void deleteUserWhenConfirmationByMailThenOnlyTheMailedLinkDeletes() {
        DeleteUserService confirming = withConfirmationByMail();

        StepVerifier.create(confirming.deleteUser(DeleteUserCommand.of(ada.token(), PASSWORD, null, "/goodbye")))
                .expectNext(DeleteUserResult.CONFIRMATION_SENT).verifyComplete();
        assertThat(adaExists()).isTrue();
        AccountDeletionMail mail = (AccountDeletionMail) auth.outbox.queued().getLast();
        assertThat(mail.link().toString()).matches(
                "http://links.test/delete-user/callback\\?token=\\S+&callbackURL=/goodbye");

        StepVerifier.create(confirming.confirmDeletion(new ConfirmDeletionCommand(ada.token(), new LinkToken(tokenOfDeletionMail()))))
                .expectNext(DeleteUserResult.DELETED).verifyComplete();
        assertThat(adaExists()).isFalse();
    }

    @Test
    void deleteWithLinkWhenAnotherUsersSessionOrNoSessionThenRefused() {
        DeleteUserService confirming = withConfirmationByMail();
        confirming.deleteUser(DeleteUserCommand.of(ada.token(), null, null, null)).block();
        String token = tokenOfDeletionMail();
        SessionResult bob = auth.signUpVerifyAndSignIn("bob@example.com");

        StepVerifier.create(confirming.confirmDeletion(new ConfirmDeletionCommand(bob.token(), new LinkToken(token))))
                .verifyErrorMatches(AuthErrors.is(AuthError.INVALID_TOKEN));
        StepVerifier.create(confirming.confirmDeletion(new ConfirmDeletionCommand(null, new LinkToken(token))))
                .verifyErrorMatches(AuthErrors.is(AuthError.FAILED_TO_GET_USER_INFO));
        assertThat(adaExists()).isTrue();
    }
}
