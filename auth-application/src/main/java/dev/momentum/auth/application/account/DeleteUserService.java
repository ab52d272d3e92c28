package dev.momentum.auth.application.account;

import dev.momentum.auth.application.account.port.in.ConfirmDeletionCommand;
import dev.momentum.auth.application.account.port.in.ConfirmDeletionUseCase;
import dev.momentum.auth.application.account.port.in.DeleteUserCommand;
import dev.momentum.auth.application.account.port.in.DeleteUserUseCase;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.credential.PasswordCheck;
import dev.momentum.auth.application.credential.port.out.PasswordCredentials;
import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.SessionBoundWrites;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.user.port.out.UserRegistry;
import dev.momentum.auth.application.verification.VerificationMailing;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.session.SessionLifetime;
import dev.momentum.auth.domain.token.LinkToken;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * better-auth's delete-user: proof is the password, a confirmation link, or a fresh session.
 * Deleting the user deletes its accounts, sessions, tokens and waiting mail in one statement.
 */
public final class DeleteUserService implements DeleteUserUseCase, ConfirmDeletionUseCase {

    private final CurrentSession currentSession;
    private final PasswordCheck passwordCheck;
    private final UserRegistry users;
    private final VerificationTokenRepository verificationTokens;
    private final VerificationMailing mailing;
    private final SessionBoundWrites writes;
    private final AccountChanges allowed;
    private final SessionLifetime lifetime;
    private final Clock clock;
    private final SecurityEvents events;

    public DeleteUserService(GetSessionQuery getSession, SessionRepository sessions, UserRegistry users,
                             PasswordCredentials credentials, PasswordHasher hasher,
                             VerificationTokenRepository verificationTokens, VerificationMailing mailing,
                             TransactionRunner transactions, AccountChanges allowed, AuthPolicy policy, Clock clock, SecurityEvents events) {
        this.currentSession = new CurrentSession(getSession);
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.passwordCheck = new PasswordCheck(credentials, hasher, policy.passwordPolicy());
        this.verificationTokens = Objects.requireNonNull(verificationTokens, "verificationTokens cannot be null");
        this.mailing = Objects.requireNonNull(mailing, "mailing cannot be null");
        this.writes = new SessionBoundWrites(sessions, transactions);
        this.allowed = Objects.requireNonNull(allowed, "allowed cannot be null");
        this.lifetime = policy.sessionLifetime();
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    @Override
    public Mono<DeleteUserResult> deleteUser(DeleteUserCommand command) {
        return currentSession.require(command.sessionToken()).flatMap(current -> events.failures(
                SecurityEventType.ACCOUNT_DELETION,
                Mono.defer(() -> deleteAs(current, command.password(), command.confirmation(),
                        command.callbackURL())),
                Subject.of(current.user())));
    }

    private Mono<DeleteUserResult> deleteAs(SessionResult current, String password, LinkToken token, String callbackURL) {
        if (!allowed.deleteUser()) {
            return Mono.error(new AuthException(AuthError.NOT_FOUND));
        }
        Mono<?> passwordChecked = password == null ? Mono.empty() : passwordCheck.check(current.user(), password);
        return passwordChecked.then(Mono.defer(() -> {
            if (token != null) {
                return deleteWithToken(current, token);
            }
            if (allowed.confirmDeletionByMail()) {
                return writes.write(current, () -> mailing.queueAccountDeletion(current.user(), callbackURL))
                        .doOnSuccess(committed -> mailing.wakeDelivery())
                        .then(events.succeeded(SecurityEventType.ACCOUNT_DELETION_REQUEST,
                                Subject.of(current.user()), null))
                        .thenReturn(DeleteUserResult.CONFIRMATION_SENT);
            }
            if (password == null && !current.session().isFreshAt(Instants.now(clock), lifetime)) {
                return Mono.error(new AuthException(AuthError.SESSION_EXPIRED));
            }
            return writes.write(current, () -> users.delete(current.user().id()))
                    .then(deleted(current))
                    .thenReturn(DeleteUserResult.DELETED);
        }));
    }

    @Override
    public Mono<DeleteUserResult> confirmDeletion(ConfirmDeletionCommand command) {
        if (!allowed.deleteUser()) {
            return Mono.error(new AuthException(AuthError.NOT_FOUND));
        }
        if (command.sessionToken() == null) {
            return Mono.error(new AuthException(AuthError.FAILED_TO_GET_USER_INFO));
        }
        return currentSession.require(command.sessionToken())
                .onErrorMap(AuthException.class, unauthorized -> new AuthException(AuthError.FAILED_TO_GET_USER_INFO))
                .flatMap(current -> deleteWithToken(current, command.link()));
    }

    private Mono<DeleteUserResult> deleteWithToken(SessionResult current, LinkToken token) {
        return writes.write(current, () -> verificationTokens
                .redeem(token.hash(), VerificationPurpose.ACCOUNT_DELETION, Instants.now(clock))
                .flatMap(redemption -> redemption instanceof Redemption.Redeemed redeemed
                        && redeemed.userId().equals(current.user().id())
                        ? users.delete(current.user().id()).thenReturn(DeleteUserResult.DELETED)
                        : Mono.error(new AuthException(AuthError.INVALID_TOKEN))))
                .flatMap(result -> deleted(current).thenReturn(result));
    }

    private Mono<Void> deleted(SessionResult current) {
        return events.succeeded(SecurityEventType.ACCOUNT_DELETION, Subject.of(current.user()), null);
    }
}
