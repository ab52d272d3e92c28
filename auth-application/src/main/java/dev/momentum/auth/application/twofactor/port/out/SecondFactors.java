package dev.momentum.auth.application.twofactor.port.out;

import dev.momentum.auth.domain.twofactor.TotpFactor;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** The users' authenticator apps. A factor asks for codes at sign-in only once it is verified. */
public interface SecondFactors {

    /** The user's authenticator app, verified or not; empty when there is none. */
    Mono<TotpFactor> findTotp(UserId user);

    /**
     * Starts an enrolment, or starts it again while none was verified; false, changing nothing,
     * when the user already has a verified factor.
     */
    Mono<Boolean> enrolTotp(UserId user, String sealedSecret, String sealedBackupCodes, Instant now);

    /**
     * Records that the code of this step was accepted, unless a code of this step or a later one
     * was: true for one caller at most, however many race. The first accepted code verifies an
     * enrolment.
     */
    Mono<Boolean> acceptStep(UserId user, long step);

    /**
     * Replaces the sealed backup codes if they are still the ones read: a code spent by one
     * request cannot be spent by another that read the same codes. False, changing nothing,
     * when another change came first.
     */
    Mono<Boolean> replaceBackupCodes(UserId user, String expectedSealedCodes, String sealedCodes);
}
