package dev.momentum.auth.application.credential;

import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.credential.port.in.SignUpCommand;
import dev.momentum.auth.application.credential.port.in.SignUpResult;
import dev.momentum.auth.application.credential.port.in.SignUpUseCase;
import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.InputErrors;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.application.user.port.out.UserRegistry;
import dev.momentum.auth.application.verification.VerificationMailing;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.time.Clock;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class SignUpService implements SignUpUseCase {

    private final UserRegistry users;
    private final PasswordHasher hasher;
    private final SecureTokenGenerator tokens;
    private final TransactionRunner transactions;
    private final VerificationMailing verificationMailing;
    private final AuthPolicy policy;
    private final RateLimiter limiter;
    private final SecurityEvents events;
    private final Clock clock;

    public SignUpService(UserRegistry users, PasswordHasher hasher, SecureTokenGenerator tokens,
                         TransactionRunner transactions, VerificationMailing verificationMailing, AuthPolicy policy,
                         RateLimiter limiter, Clock clock, SecurityEvents events) {
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.hasher = Objects.requireNonNull(hasher, "hasher cannot be null");
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions cannot be null");
        this.verificationMailing = Objects.requireNonNull(verificationMailing, "verificationMailing cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.limiter = Objects.requireNonNull(limiter, "limiter cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    @Override
    public Mono<SignUpResult> signUp(SignUpCommand command) {
        EmailAddress email = command.email();
        User candidate = User.register(new UserId(tokens.newId()), command.profile(), email, Instants.now(clock));
        Mono<SignUpResult> work = InputErrors.reject(policy.passwordPolicy().checkNew(command.password()))
                .then(limiter.admitAccount(RateLimiter.AccountAction.CREDENTIALS, email))
                // hashed even when the address is taken, so both answers take the same time
                .then(Mono.defer(() -> hasher.hash(command.password())))
                .flatMap(hash -> register(candidate, hash, command.callbackURL()))
                .thenReturn(new SignUpResult(candidate));
        // a taken address writes and mails nothing, so it would answer a few milliseconds sooner
        // (EnumerationTimingIT, since replaced by bench/enumeration.sh, measured 6 %): both answer after the same floor
        return Mono.zip(events.failures(SecurityEventType.SIGN_UP, work, Subject.email(email.value())),
                Mono.delay(policy.enumerationFloor()), (result, floor) -> result);
    }

    private Mono<Void> register(User candidate, PasswordHash hash, String callbackURL) {
        return transactions.inTransaction(() -> users.addIfEmailFree(candidate, hash)
                        .flatMap(stored -> stored
                                ? verificationMailing.queueVerification(candidate, callbackURL).thenReturn(true)
                                : Mono.just(false)))
                .doOnSuccess(committed -> verificationMailing.wakeDelivery())
                .flatMap(stored -> stored
                        ? events.succeeded(SecurityEventType.SIGN_UP, Subject.of(candidate), null)
                        : events.failed(SecurityEventType.SIGN_UP, Subject.email(candidate.email().value()), "EMAIL_TAKEN"));
    }
}
