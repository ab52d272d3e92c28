package dev.momentum.auth.application.twofactor.port.out;

import dev.momentum.auth.domain.twofactor.SecondFactor;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The users' second factors. An authenticator app asks for codes at sign-in only once it is verified. */
public interface SecondFactors {

    /** The user's second factor, enabled or not; empty when there is none. */
    Mono<SecondFactor> find(UserId user);

    /**
     * Starts an enrolment, or starts it again while none was verified; false, changing nothing,
     * when the user already has a verified factor.
     */
    Mono<Boolean> enrolTotp(UserId user, String sealedSecret, String sealedBackupCodes, Instant now);

    /**
     * Records that the code of this step was accepted, unless a code of this step or a later one
     * was: true for one caller at most, however many race. The first accepted code verifies an
     * enrolment and enables the factor.
     */
    Mono<Boolean> acceptStep(UserId user, long step);

    /**
     * Replaces the sealed backup codes if they are still the ones read: a code spent by one
     * request cannot be spent by another that read the same codes. False, changing nothing,
     * when another change came first.
     *
     * @param expectedSealedCodes null: the user has none yet
     */
    Mono<Boolean> replaceBackupCodes(UserId user, String expectedSealedCodes, String sealedCodes);

    /**
     * Counts a wrong code; the one that makes {@code allowed} in a row locks the factor until
     * {@code lockUntil} and starts the count again. True when this failure locked it.
     */
    Mono<Boolean> recordFailure(UserId user, int allowed, Instant lockUntil);

    /** A right code: the count of wrong ones in a row starts again. */
    Mono<Void> clearFailures(UserId user);

    /** Enables codes by mail as the second factor, beside any authenticator app the user has. */
    Mono<Void> enableMailedCodes(UserId user, Instant now);

    /** Removes the factor and its backup codes; false when there was none. */
    Mono<Boolean> remove(UserId user);
}
