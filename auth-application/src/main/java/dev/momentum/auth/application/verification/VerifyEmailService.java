package dev.momentum.auth.application.verification;

import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.SessionIssuer;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.application.verification.port.in.VerifyEmailCommand;
import dev.momentum.auth.application.verification.port.in.VerifyEmailResult.AlreadyVerifiedResult;
import dev.momentum.auth.application.verification.port.in.VerifyEmailResult.EmailChangedResult;
import dev.momentum.auth.application.verification.port.in.VerifyEmailResult.VerifiedAndSignedInResult;
import dev.momentum.auth.application.verification.port.in.VerifyEmailResult;
import dev.momentum.auth.application.verification.port.in.VerifyEmailUseCase;
import dev.momentum.auth.application.verification.port.out.EmailOwnership;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import dev.momentum.auth.domain.verification.VerificationToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Spends a verification link: marks the address verified and signs the user in, all in one
 * transaction. Opening a spent link again confirms, but starts no second session. A change-email
 * link (same URL, as in better-auth) makes its new address the user's verified email, unless
 * another account took the address meanwhile, and tells the old address; it may be opened in no
 * session or the user's own, not in another user's (INVALID_USER, as better-auth).
 */
public final class VerifyEmailService implements VerifyEmailUseCase {

    private static final Set<VerificationPurpose> LINK_PURPOSES =
            Set.of(VerificationPurpose.EMAIL_VERIFICATION, VerificationPurpose.EMAIL_CHANGE);

    private final VerificationTokenRepository verificationTokens;
    private final UserLookup users;
    private final EmailOwnership ownership;
    private final SessionIssuer sessionIssuer;
    private final GetSessionQuery sessions;
    private final VerificationMailing mailing;
    private final TransactionRunner transactions;
    private final Clock clock;
    private final SecurityEvents events;

    public VerifyEmailService(VerificationTokenRepository verificationTokens, UserLookup users, EmailOwnership ownership,
                              SessionIssuer sessionIssuer, GetSessionQuery sessions, VerificationMailing mailing,
                              TransactionRunner transactions, Clock clock, SecurityEvents events) {
        this.verificationTokens = Objects.requireNonNull(verificationTokens, "verificationTokens cannot be null");
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.ownership = Objects.requireNonNull(ownership, "ownership cannot be null");
        this.sessionIssuer = Objects.requireNonNull(sessionIssuer, "sessionIssuer cannot be null");
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.mailing = Objects.requireNonNull(mailing, "mailing cannot be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    @Override
    public Mono<VerifyEmailResult> verify(VerifyEmailCommand command) {
        return events.failures(SecurityEventType.EMAIL_VERIFICATION, Mono.defer(() -> redeem(command)),
                Subject.NOBODY);
    }

    private Mono<VerifyEmailResult> redeem(VerifyEmailCommand command) {
        Instant now = Instants.now(clock);
        return transactions.inTransaction(() -> verificationTokens
                .redeem(command.token().hash(), LINK_PURPOSES, now)
                .flatMap(redemption -> switch (redemption) {
                    case Redemption.Redeemed(VerificationToken token) when token.newEmail().isPresent() ->
                            changeEmail(token.userId(), token.newEmail().get(), command, now);
                    case Redemption.Redeemed(VerificationToken token) ->
                            verifyAndSignIn(token.userId(), command, now);
                    case Redemption.AlreadyRedeemed ignored -> Mono.just(new AlreadyVerifiedResult());
                    case Redemption.Expired ignored -> Mono.error(new AuthException(AuthError.TOKEN_EXPIRED));
                    case Redemption.Unknown ignored -> Mono.error(new AuthException(AuthError.INVALID_TOKEN));
                }))
                .doOnNext(result -> {
                    if (result instanceof EmailChangedResult) {
                        mailing.wakeDelivery();
                    }
                });
    }

    private Mono<VerifyEmailResult> changeEmail(UserId userId, EmailAddress newEmail, VerifyEmailCommand command,
                                                Instant now) {
        Mono<Void> callerIsOwnerOrAnonymous = command.sessionToken() == null ? Mono.empty()
                : sessions.getSession(command.sessionToken())
                        .filter(session -> !session.user().id().equals(userId))
                        .flatMap(otherUser -> Mono.error(new AuthException(AuthError.INVALID_USER)));
        return callerIsOwnerOrAnonymous
                .then(Mono.defer(() -> users.findById(userId)))
                .switchIfEmpty(Mono.error(new AuthException(AuthError.USER_NOT_FOUND)))
                .flatMap(before -> ownership.changeEmailIfFree(userId, newEmail, now)
                        .flatMap(changed -> changed
                                ? mailing.queueEmailChangedNotice(before, newEmail)
                                        .then(events.succeeded(SecurityEventType.EMAIL_CHANGE, Subject.of(before),
                                                "to " + newEmail.value()))
                                        .thenReturn(new EmailChangedResult(before.withVerifiedEmail(newEmail, now)))
                                : Mono.error(new AuthException(AuthError.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL))));
    }

    private Mono<VerifyEmailResult> verifyAndSignIn(UserId userId, VerifyEmailCommand command, Instant now) {
        return ownership.markEmailVerified(userId, now)
                .then(Mono.defer(() -> users.findById(userId)))
                .switchIfEmpty(Mono.error(new AuthException(AuthError.USER_NOT_FOUND)))
                .flatMap(user -> events.succeeded(SecurityEventType.EMAIL_VERIFICATION, Subject.of(user), null)
                        .then(sessionIssuer.start(user, true, command.client())))
                .map(VerifiedAndSignedInResult::new);
    }
}
