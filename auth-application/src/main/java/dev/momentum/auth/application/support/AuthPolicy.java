package dev.momentum.auth.application.support;

import dev.momentum.auth.domain.credential.PasswordPolicy;
import dev.momentum.auth.domain.session.SessionLifetime;
import java.time.Duration;
import java.util.Objects;

/**
 * The rules the use cases follow, set by the deployer.
 *
 * @param enumerationFloor the least time a request whose work depends on whether an address has an
 *                         account takes (sign-up, verification and reset requests without a session,
 *                         a sign-in whose password check fails), so its duration does not tell
 * @param revokeSessionsOnPasswordReset a reset ends every session of the user (better-auth keeps them)
 */
public record AuthPolicy(PasswordPolicy passwordPolicy, SessionLifetime sessionLifetime,
                         Duration verificationTokenValidity, Duration enumerationFloor,
                         boolean revokeSessionsOnPasswordReset) {

    public AuthPolicy {
        Objects.requireNonNull(passwordPolicy, "passwordPolicy cannot be null");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime cannot be null");
        Objects.requireNonNull(verificationTokenValidity, "verificationTokenValidity cannot be null");
        Objects.requireNonNull(enumerationFloor, "enumerationFloor cannot be null");
    }

    public static AuthPolicy defaults() {
        return new AuthPolicy(PasswordPolicy.DEFAULT, SessionLifetime.DEFAULT, Duration.ofHours(1),
                Duration.ofMillis(500), true);
    }
}
