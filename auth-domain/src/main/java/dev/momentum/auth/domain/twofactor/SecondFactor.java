package dev.momentum.auth.domain.twofactor;

import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A user's second factor as stored: whether a password sign-in asks for it, the authenticator
 * app (its secret sealed, whether a first code confirmed it, the step of the last code accepted),
 * the sealed backup codes, and the lock that repeated wrong codes set.
 *
 * @param enabled           a password sign-in asks for a second step (better-auth's {@code twoFactorEnabled})
 * @param sealedSecret      null when the user has no authenticator app (codes by mail only)
 * @param sealedBackupCodes null when the user has none
 */
public record SecondFactor(UserId userId, boolean enabled, String sealedSecret, boolean totpVerified,
                           String sealedBackupCodes, OptionalLong lastAcceptedStep, Optional<Instant> lockedUntil,
                           Instant createdAt) {

    public static final String TOTP = "totp";
    public static final String OTP = "otp";

    public SecondFactor {
        Objects.requireNonNull(userId, "userId cannot be null");
        Objects.requireNonNull(lastAcceptedStep, "lastAcceptedStep cannot be null");
        Objects.requireNonNull(lockedUntil, "lockedUntil cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
    }

    public boolean hasTotp() {
        return sealedSecret != null;
    }

    /** The authenticator app answers a sign-in challenge only once a first code confirmed it. */
    public boolean totpAtSignIn() {
        return hasTotp() && totpVerified;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil.filter(now::isBefore).isPresent();
    }

    /** better-auth's {@code twoFactorMethods} of a sign-in challenge: codes by mail always answer one. */
    public List<String> methods() {
        return totpAtSignIn() ? List.of(TOTP, OTP) : List.of(OTP);
    }

    @Override
    public String toString() {
        return "SecondFactor[" + userId + ", enabled=" + enabled + ", totpVerified=" + totpVerified
                + ", sealed values hidden]";
    }
}
