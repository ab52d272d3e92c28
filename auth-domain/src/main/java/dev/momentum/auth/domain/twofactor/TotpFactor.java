package dev.momentum.auth.domain.twofactor;

import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A user's authenticator app as stored: its secret and backup codes sealed under the service's
 * secret, whether a first code confirmed the enrolment, and the step of the last code accepted.
 *
 * @param sealedBackupCodes null when the user has none
 */
public record TotpFactor(UserId userId, String sealedSecret, String sealedBackupCodes, boolean verified,
                         OptionalLong lastAcceptedStep, Instant createdAt) {

    public TotpFactor {
        Objects.requireNonNull(userId, "userId cannot be null");
        Objects.requireNonNull(sealedSecret, "sealedSecret cannot be null");
        Objects.requireNonNull(lastAcceptedStep, "lastAcceptedStep cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
    }

    @Override
    public String toString() {
        return "TotpFactor[" + userId + ", verified=" + verified + ", sealed values hidden]";
    }
}
