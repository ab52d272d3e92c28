package dev.momentum.auth.application.credential;

import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.credential.port.in.SignInCommand;
import dev.momentum.auth.application.credential.port.in.SignInUseCase;
import dev.momentum.auth.application.credential.port.out.PasswordCredentials;
import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.SessionIssuer;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.session.port.in.SignOutUseCase;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.InputErrors;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.TransactionRunner;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.credential.PasswordCredential;
import dev.momentum.auth.domain.user.EmailAddress;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class SignInService implements SignInUseCase {

    private static final System.Logger LOG = System.getLogger(SignInService.class.getName());

    private final PasswordCredentials credentials;
    private final PasswordHasher hasher;
    private final SessionIssuer sessionIssuer;
    private final SignOutUseCase signOut;
    private final TransactionRunner transactions;
    private final AuthPolicy policy;
    private final RateLimiter limiter;
    private final SecurityEvents events;
    private final Clock clock;

    public SignInService(PasswordCredentials credentials, PasswordHasher hasher, SessionIssuer sessionIssuer,
                         SignOutUseCase signOut, TransactionRunner transactions, AuthPolicy policy,
                         RateLimiter limiter, Clock clock, SecurityEvents events) {
        this.credentials = Objects.requireNonNull(credentials, "credentials cannot be null");
        this.hasher = Objects.requireNonNull(hasher, "hasher cannot be null");
        this.sessionIssuer = Objects.requireNonNull(sessionIssuer, "sessionIssuer cannot be null");
        this.signOut = Objects.requireNonNull(signOut, "signOut cannot be null");
        this.transactions = Objects.requireNonNull(transactions, "transactions cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.limiter = Objects.requireNonNull(limiter, "limiter cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    @Override
    public Mono<SessionResult> signIn(SignInCommand command) {
        return events.outcome(SecurityEventType.SIGN_IN, Mono.defer(() -> attempt(command)),
                session -> Subject.of(session.user()), Subject.email(command.email().value()));
    }

    private Mono<SessionResult> attempt(SignInCommand command) {
        EmailAddress email = command.email();
        return InputErrors.reject(policy.passwordPolicy().checkPresented(command.password()))
                .then(limiter.admitAccount(RateLimiter.AccountAction.CREDENTIALS, email))
                .then(Mono.defer(() -> afterTheFloorWhenRefused(checkedCredential(email, command.password()))))
                .flatMap(credential -> credential.secondFactor() ? refusedForItsSecondFactor(credential)
                        : credential.user().emailVerified() ? startReplacing(credential, command)
                        : Mono.error(new AuthException(AuthError.EMAIL_NOT_VERIFIED)));
    }

    /** The new session and the end of the one the client held commit together, or neither does. */
    private Mono<SessionResult> startReplacing(PasswordCredential credential, SignInCommand command) {
        Mono<SessionResult> start = sessionIssuer.start(credential.user(), command.rememberMe(), command.client());
        if (command.replacedSessionToken() == null) {
            return start;
        }
        return transactions.inTransaction(() -> start.flatMap(started -> signOut.signOut(command.replacedSessionToken())
                .thenReturn(started)));
    }

    private Mono<PasswordCredential> checkedCredential(EmailAddress email, String password) {
        return credentials.findCredentialByEmail(email)
                .flatMap(credential -> checkPassword(credential, password))
                // an unknown address costs one hash too, and fails with the same error
                .switchIfEmpty(Mono.defer(() -> hasher.matchesNothing(password).then(Mono.empty())))
                .switchIfEmpty(Mono.error(new AuthException(AuthError.INVALID_EMAIL_OR_PASSWORD)));
    }

    /**
     * A wrong password answers after the enumeration floor, like an unknown address: the hashes a
     * user may still have from better-auth (scrypt) cost more than ours, so without the floor their
     * refusals would take longer and tell that the address has an account (ADR-0040).
     */
    private <T> Mono<T> afterTheFloorWhenRefused(Mono<T> check) {
        long started = System.nanoTime();
        return check.onErrorResume(AuthException.class, refused -> Mono.delay(Duration.ofNanos(Math.max(0,
                        policy.enumerationFloor().toNanos() - (System.nanoTime() - started))))
                .then(Mono.error(refused)));
    }

    /** A password alone must not get past a second factor that better-auth would have asked for. */
    private Mono<SessionResult> refusedForItsSecondFactor(PasswordCredential credential) {
        LOG.log(Level.WARNING, "Refused a password-only sign-in of user {0}, who has a second factor from better-auth",
                credential.user().id());
        return Mono.error(new AuthException(AuthError.TWO_FACTOR_NOT_SUPPORTED));
    }

    private Mono<PasswordCredential> checkPassword(PasswordCredential credential, String password) {
        return hasher.matches(password, credential.hash())
                .flatMap(matches -> matches
                        ? rehashIfOutdated(credential, password)
                        : Mono.error(new AuthException(AuthError.INVALID_EMAIL_OR_PASSWORD)));
    }

    /** A hash made with weaker parameters than today's is replaced while the password is at hand. */
    private Mono<PasswordCredential> rehashIfOutdated(PasswordCredential credential, String password) {
        if (!hasher.needsRehash(credential.hash())) {
            return Mono.just(credential);
        }
        return hasher.hash(password)
                .flatMap(hash -> credentials.replacePasswordHash(credential.user().id(), hash, Instants.now(clock)))
                .thenReturn(credential);
    }
}
