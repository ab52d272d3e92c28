package dev.momentum.auth.application.account;

import dev.momentum.auth.application.account.port.in.ChangeEmailCommand;
import dev.momentum.auth.application.account.port.in.ChangeEmailUseCase;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.SessionBoundWrites;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.application.verification.VerificationMailing;
import dev.momentum.auth.application.verification.VerifyEmailService;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.user.EmailAddress;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * better-auth's change-email with verification of the new address: nothing changes until the
 * mailed link is followed ({@link VerifyEmailService}); the old address is then told. An address
 * another account has gets the same answer and no mail, so the endpoint does not reveal accounts.
 */
public final class ChangeEmailService implements ChangeEmailUseCase {

    private final CurrentSession currentSession;
    private final UserLookup users;
    private final VerificationMailing mailing;
    private final SessionBoundWrites writes;
    private final AccountChanges allowed;
    private final SecurityEvents events;

    public ChangeEmailService(GetSessionQuery getSession, SessionRepository sessions, UserLookup users,
                              VerificationMailing mailing, TransactionRunner transactions, AccountChanges allowed, SecurityEvents events) {
        this.currentSession = new CurrentSession(getSession);
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.mailing = Objects.requireNonNull(mailing, "mailing cannot be null");
        this.writes = new SessionBoundWrites(sessions, transactions);
        this.allowed = Objects.requireNonNull(allowed, "allowed cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    @Override
    public Mono<Void> changeEmail(ChangeEmailCommand command) {
        EmailAddress address = command.newEmail();
        String callbackURL = command.callbackURL();
        return currentSession.require(command.sessionToken()).flatMap(current -> {
            if (!allowed.changeEmail()) {
                return Mono.error(new AuthException(AuthError.CHANGE_EMAIL_DISABLED));
            }
            if (address.equals(current.user().email())) {
                return Mono.error(new AuthException(AuthError.EMAIL_IS_THE_SAME));
            }
            return users.findByEmail(address)
                    .hasElement()
                    .flatMap(taken -> taken
                            ? events.failed(SecurityEventType.EMAIL_CHANGE_REQUEST, Subject.of(current.user()),
                                    "EMAIL_TAKEN: " + address.value())
                            : writes.write(current, () -> mailing.queueEmailChange(current.user(), address,
                                            callbackURL))
                                    .doOnSuccess(committed -> mailing.wakeDelivery())
                                    .then(events.succeeded(SecurityEventType.EMAIL_CHANGE_REQUEST,
                                            Subject.of(current.user()), "to " + address.value())));
        });
    }
}
