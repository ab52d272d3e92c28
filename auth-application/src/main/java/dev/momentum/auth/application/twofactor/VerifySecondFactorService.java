package dev.momentum.auth.application.twofactor;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.RateLimitedException;
import dev.momentum.auth.application.session.SessionReplacement;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.twofactor.port.in.SecondStepResult;
import dev.momentum.auth.application.twofactor.port.in.SendSecondFactorCodeCommand;
import dev.momentum.auth.application.twofactor.port.in.SendSecondFactorCodeUseCase;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorCommand.Proof;
import dev.momentum.auth.application.twofactor.port.in.VerifySecondFactorUseCase;
import dev.momentum.auth.application.twofactor.port.out.SecondFactors;
import dev.momentum.auth.application.twofactor.port.out.SignInChallenges;
import dev.momentum.auth.application.twofactor.port.out.SignInChallenges.Attempt;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.application.verification.port.out.VerificationTokenRepository;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.twofactor.SecondFactor;
import dev.momentum.auth.domain.twofactor.SecondStepTerms;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.verification.Redemption;
import dev.momentum.auth.domain.verification.VerificationPurpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * better-auth's {@code verify-totp} and {@code verify-backup-code}: with a session, a code confirms
 * an enrolment (and enables the factor); with a sign-in challenge, it completes the sign-in, within
 * the {@link SecondStepTerms} (ADR-0048).
 */
public final class VerifySecondFactorService implements VerifySecondFactorUseCase, SendSecondFactorCodeUseCase {

    private final GetSessionQuery sessions;
    private final SignInChallenges challenges;
    private final VerificationTokenRepository tokens;
    private final UserLookup users;
    private final SecondFactors factors;
    private final CodeCheck codes;
    private final MailedCodes mailed;
    private final SignInSecondStep secondStep;
    private final SessionReplacement replacement;
    private final SecurityEvents events;
    private final Clock clock;

    public VerifySecondFactorService(GetSessionQuery sessions, SignInChallenges challenges,
                                     VerificationTokenRepository tokens, UserLookup users, SecondFactors factors,
                                     CodeCheck codes, MailedCodes mailed, SignInSecondStep secondStep,
                                     SessionReplacement replacement,
                                     SecurityEvents events, Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.challenges = Objects.requireNonNull(challenges, "challenges cannot be null");
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.factors = Objects.requireNonNull(factors, "factors cannot be null");
        this.codes = Objects.requireNonNull(codes, "codes cannot be null");
        this.mailed = Objects.requireNonNull(mailed, "mailed cannot be null");
        this.secondStep = Objects.requireNonNull(secondStep, "secondStep cannot be null");
        this.replacement = Objects.requireNonNull(replacement, "replacement cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<SecondStepResult> verify(VerifySecondFactorCommand command) {
        return Mono.justOrEmpty(command.session())
                .flatMap(sessions::getSession)
                .flatMap(held -> confirmed(held, command))
                .switchIfEmpty(Mono.defer(() -> signedIn(command)));
    }

    /** The code goes to the signed-in user, or to the user of the open challenge the client holds. */
    @Override
    public Mono<Void> send(SendSecondFactorCodeCommand command) {
        return Mono.justOrEmpty(command.session())
                .flatMap(sessions::getSession)
                .flatMap(held -> mailed.send(held.user(), keyOf(held)).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> challengeHolder(command.challenge())
                        .flatMap(user -> mailed.send(user, command.challenge()).thenReturn(true))))
                .then();
    }

    private Mono<User> challengeHolder(String challenge) {
        Mono<User> holder = challenge == null || challenge.isEmpty() ? Mono.empty()
                : challenges.holder(TokenHash.of(challenge), now()).flatMap(users::findById);
        return holder.switchIfEmpty(Mono.error(() -> new AuthException(AuthError.INVALID_TWO_FACTOR_COOKIE)));
    }

    /**
     * A signed-in user's code. The first right one of an enrolment enables the factor (an app's
     * accepted step does; a mailed code enables codes by mail, needing no factor before) and
     * rotates the session.
     */
    private Mono<SecondStepResult> confirmed(SessionResult held, VerifySecondFactorCommand command) {
        User user = held.user();
        Mono<Boolean> proven = command.proof() == Proof.OTP ? mailed.proves(user, keyOf(held), command.code())
                : codes.factorFor(user, command.proof(), false).flatMap(factor ->
                        codes.proves(user, factor, command.proof(), command.code(), keyOf(held)));
        return proven.flatMap(right -> {
            if (!right) {
                return Mono.error(invalid(command.proof()));
            }
            if (user.twoFactorEnabled()) {
                return Mono.just(new SecondStepResult(held, false, Optional.empty()));
            }
            Mono<Void> enabling = command.proof() == Proof.OTP ? factors.enableMailedCodes(user.id(), now())
                    : Mono.empty();
            return enabling.then(Mono.defer(() -> enabled(held, command)));
        });
    }

    /** What a mailed code is bound to when the user is signed in: the session it was asked in. */
    private static String keyOf(SessionResult held) {
        return held.session().id().value();
    }

    private Mono<SecondStepResult> enabled(SessionResult held, VerifySecondFactorCommand command) {
        return replacement.renew(held, command.client())
                .flatMap(session -> events.succeeded(SecurityEventType.TWO_FACTOR_ENABLED, Subject.of(session.user()),
                        command.proof().name()).thenReturn(new SecondStepResult(session, true, Optional.empty())));
    }

    private Mono<SecondStepResult> signedIn(VerifySecondFactorCommand command) {
        if (command.challenge() == null || command.challenge().isEmpty()) {
            return Mono.error(new AuthException(AuthError.INVALID_TWO_FACTOR_COOKIE));
        }
        TokenHash challenge = TokenHash.of(command.challenge());
        return challenges.beginAttempt(challenge, SecondStepTerms.ATTEMPTS_PER_CHALLENGE, now())
                .flatMap(attempt -> switch (attempt) {
                    case Attempt.Admitted(UserId id) -> users.findById(id)
                            .switchIfEmpty(Mono.error(() -> new AuthException(AuthError.INVALID_TWO_FACTOR_COOKIE)))
                            .flatMap(user -> events.failures(SecurityEventType.SECOND_FACTOR_VERIFICATION,
                                    answered(challenge, user, command), Subject.of(user)));
                    case Attempt.Exhausted() ->
                            Mono.error(new AuthException(AuthError.TOO_MANY_ATTEMPTS_REQUEST_NEW_CODE));
                    case Attempt.Unknown() -> Mono.error(new AuthException(AuthError.INVALID_TWO_FACTOR_COOKIE));
                });
    }

    private Mono<SecondStepResult> answered(TokenHash challenge, User user, VerifySecondFactorCommand command) {
        return codes.factorFor(user, command.proof(), true)
                .flatMap(this::unlocked)
                .flatMap(factor -> codes.proves(user, factor, command.proof(), command.code(), command.challenge()))
                .flatMap(proven -> proven ? completed(challenge, user, command) : failed(user, command.proof()));
    }

    private Mono<SecondFactor> unlocked(SecondFactor factor) {
        Instant now = now();
        return factor.lockedAt(now)
                ? Mono.error(RateLimitedException.secondFactorLocked(Duration.between(now, factor.lockedUntil().get())))
                : Mono.just(factor);
    }

    /**
     * The challenge is spent here, so a replayed challenge, or a second right code raced with this
     * one, starts nothing.
     */
    private Mono<SecondStepResult> completed(TokenHash challenge, User user, VerifySecondFactorCommand command) {
        return factors.clearFailures(user.id())
                .then(tokens.redeem(challenge, VerificationPurpose.SIGN_IN_CHALLENGE, now()))
                .flatMap(redemption -> redemption instanceof Redemption.Redeemed
                        ? replacement.replace(null, user, command.rememberMe(), command.client())
                        : Mono.error(new AuthException(AuthError.INVALID_TWO_FACTOR_COOKIE)))
                .flatMap(session -> (command.trustDevice() ? secondStep.trust(user.id()).map(Optional::of)
                        : Mono.just(Optional.<String>empty()))
                        .map(trusted -> new SecondStepResult(session, true, trusted)))
                .flatMap(result -> events.succeeded(SecurityEventType.SECOND_FACTOR_VERIFICATION, Subject.of(user),
                        command.proof().name()).thenReturn(result));
    }

    private Mono<SecondStepResult> failed(User user, Proof proof) {
        return factors.recordFailure(user.id(), SecondStepTerms.FAILURES_BEFORE_LOCK, now().plus(SecondStepTerms.LOCK))
                .flatMap(locked -> locked
                        ? events.succeeded(SecurityEventType.TWO_FACTOR_LOCK, Subject.of(user),
                                SecondStepTerms.LOCK.toString())
                        : Mono.empty())
                .then(Mono.error(invalid(proof)));
    }

    private static AuthException invalid(Proof proof) {
        return new AuthException(proof == Proof.BACKUP_CODE ? AuthError.INVALID_BACKUP_CODE : AuthError.INVALID_CODE);
    }

    private Instant now() {
        return Instants.now(clock);
    }
}
