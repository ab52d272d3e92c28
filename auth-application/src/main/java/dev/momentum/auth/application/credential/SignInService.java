package dev.momentum.auth.application.credential;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.credential.port.in.SignInCommand;
import dev.momentum.auth.application.credential.port.in.SignInResult;
import dev.momentum.auth.application.credential.port.in.SignInResult.SecondFactorRequiredResult;
import dev.momentum.auth.application.credential.port.in.SignInResult.SignedInResult;
import dev.momentum.auth.application.credential.port.in.SignInUseCase;
import dev.momentum.auth.application.credential.port.out.PasswordCredentials;
import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.session.SessionReplacement;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.InputErrors;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.credential.PasswordCredential;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

public final class SignInService implements SignInUseCase {

    /** The audit detail of a right password that waits for the second factor. */
    static final String SECOND_FACTOR_REQUIRED = "SECOND_FACTOR_REQUIRED";

    private final PasswordCredentials credentials;
    private final PasswordHasher hasher;
    private final SessionReplacement sessions;
    private final SecondFactorGate secondStep;
    private final AuthPolicy policy;
    private final RateLimiter limiter;
    private final SecurityEvents events;
    private final Clock clock;

    public SignInService(PasswordCredentials credentials, PasswordHasher hasher, SessionReplacement sessions,
                         SecondFactorGate secondStep, AuthPolicy policy, RateLimiter limiter, Clock clock,
                         SecurityEvents events) {
        this.credentials = Objects.requireNonNull(credentials, "credentials cannot be null");
        this.hasher = Objects.requireNonNull(hasher, "hasher cannot be null");
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.secondStep = Objects.requireNonNull(secondStep, "secondStep cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.limiter = Objects.requireNonNull(limiter, "limiter cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
    }

    @Override
    public Mono<SignInResult> signIn(SignInCommand command) {
        return events.failures(SecurityEventType.SIGN_IN, Mono.defer(() -> attempt(command)),
                Subject.email(command.email().value()));
    }

    private Mono<SignInResult> attempt(SignInCommand command) {
        EmailAddress email = command.email();
        return InputErrors.reject(policy.passwordPolicy().checkPresented(command.password()))
                .then(limiter.admitAccount(RateLimiter.AccountAction.CREDENTIALS, email))
                .then(Mono.defer(() -> afterTheFloorWhenRefused(checkedCredential(email, command.password()))))
                .flatMap(credential -> credential.user().emailVerified()
                        ? signedInOrChallenged(credential.user(), command).flatMap(result -> events.succeeded(
                                SecurityEventType.SIGN_IN, Subject.of(credential.user()),
                                result instanceof SecondFactorRequiredResult ? SECOND_FACTOR_REQUIRED : null)
                                .thenReturn(result))
                        : Mono.error(new AuthException(AuthError.EMAIL_NOT_VERIFIED)));
    }

    /**
     * A user with a second factor gets a challenge instead of a session, unless the browser is a
     * device they trusted; the session the client held ends either way (ADR-0048).
     */
    private Mono<SignInResult> signedInOrChallenged(User user, SignInCommand command) {
        if (!user.twoFactorEnabled()) {
            return signedIn(user, command, Optional.empty());
        }
        if (user.disabled()) {
            return Mono.error(new AuthException(AuthError.BANNED_USER));
        }
        return secondStep.renewedTrust(user, command.trustedDevice())
                .flatMap(renewed -> signedIn(user, command, Optional.of(renewed)))
                .switchIfEmpty(Mono.defer(() -> sessions.end(command.replacedSessionToken())
                        .then(secondStep.challenge(user))));
    }

    private Mono<SignInResult> signedIn(User user, SignInCommand command, Optional<String> trustedDevice) {
        return sessions.replace(command.replacedSessionToken(), user, command.rememberMe(), command.client())
                .map(session -> new SignedInResult(session, trustedDevice));
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
