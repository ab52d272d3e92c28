package dev.momentum.auth.application.credential;

import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.credential.port.in.RequestPasswordResetCommand;
import dev.momentum.auth.application.credential.port.in.RequestPasswordResetUseCase;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.application.verification.VerificationMailing;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.user.EmailAddress;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class RequestPasswordResetService implements RequestPasswordResetUseCase {

    private final UserLookup users;
    private final TransactionRunner transactions;
    private final VerificationMailing mailing;
    private final AuthPolicy policy;
    private final RateLimiter limiter;
    private final SecurityEvents events;

    public RequestPasswordResetService(UserLookup users, TransactionRunner transactions,
                                       VerificationMailing mailing, AuthPolicy policy,
                                       RateLimiter limiter, SecurityEvents events) {
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions cannot be null");
        this.mailing = Objects.requireNonNull(mailing, "mailing cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.limiter = Objects.requireNonNull(limiter, "limiter cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    @Override
    public Mono<Void> requestPasswordReset(RequestPasswordResetCommand command) {
        EmailAddress email = command.email();
        Mono<Void> work = users.findByEmail(email)
                .flatMap(user -> transactions.inTransaction(() -> mailing.queuePasswordReset(user, command.redirectTo()))
                        .doOnSuccess(committed -> mailing.wakeDelivery())
                        .then(events.succeeded(SecurityEventType.PASSWORD_RESET_REQUEST, Subject.of(user), null))
                        .thenReturn(user))
                .switchIfEmpty(Mono.defer(() -> events.failed(SecurityEventType.PASSWORD_RESET_REQUEST,
                        Subject.email(email.value()), "USER_NOT_FOUND").then(Mono.empty())))
                .then();
        return events.failures(SecurityEventType.PASSWORD_RESET_REQUEST,
                limiter.admitAccount(RateLimiter.AccountAction.MAIL, email), Subject.email(email.value()))
                .then(Mono.when(work, Mono.delay(policy.enumerationFloor())));
    }
}
