package dev.momentum.auth.application.verification;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.application.verification.port.in.SendVerificationEmailCommand;
import dev.momentum.auth.application.verification.port.in.SendVerificationEmailUseCase;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class SendVerificationEmailService implements SendVerificationEmailUseCase {

    private final UserLookup users;
    private final GetSessionQuery sessions;
    private final TransactionRunner transactions;
    private final VerificationMailing verificationMailing;
    private final AuthPolicy policy;
    private final RateLimiter limiter;

    public SendVerificationEmailService(UserLookup users, GetSessionQuery sessions, TransactionRunner transactions,
                                        VerificationMailing verificationMailing, AuthPolicy policy,
                                        RateLimiter limiter) {
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions cannot be null");
        this.verificationMailing = Objects.requireNonNull(verificationMailing, "verificationMailing cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.limiter = Objects.requireNonNull(limiter, "limiter cannot be null");
    }

    @Override
    public Mono<Void> send(SendVerificationEmailCommand command) {
        EmailAddress email = command.email();
        Mono<Void> admitted = limiter.admitAccount(RateLimiter.AccountAction.MAIL, email);
        if (command.sessionToken() != null) {
            return admitted.then(Mono.defer(() -> sessions.getSession(command.sessionToken()))
                    .flatMap(session -> sendToSessionUser(session.user(), email, command.callbackURL()))
                    .switchIfEmpty(Mono.defer(() -> sendAnonymously(email, command.callbackURL()))));
        }
        return admitted.then(Mono.defer(() -> sendAnonymously(email, command.callbackURL())));
    }

    private Mono<Void> sendToSessionUser(User user, EmailAddress email, String callbackURL) {
        if (!user.email().equals(email)) {
            return Mono.error(new AuthException(AuthError.EMAIL_MISMATCH));
        }
        if (user.emailVerified()) {
            return Mono.error(new AuthException(AuthError.EMAIL_ALREADY_VERIFIED));
        }
        return mailTo(user, callbackURL);
    }

    /** Same answer after at least the same time, whether or not an unverified user has the address. */
    private Mono<Void> sendAnonymously(EmailAddress email, String callbackURL) {
        Mono<Void> work = users.findByEmail(email)
                .filter(user -> !user.emailVerified())
                .flatMap(user -> mailTo(user, callbackURL));
        return Mono.when(work, Mono.delay(policy.enumerationFloor()));
    }

    private Mono<Void> mailTo(User user, String callbackURL) {
        return transactions.inTransaction(() -> verificationMailing.queueVerification(user, callbackURL))
                .doOnSuccess(committed -> verificationMailing.wakeDelivery());
    }
}
