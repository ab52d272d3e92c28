package dev.momentum.auth.application.signing;

import java.time.Duration;
import java.util.Objects;

/**
 * What the JWTs for backends say.
 *
 * @param issuer the {@code iss} claim and the discovery document's issuer: the public origin by default
 * @param audience the {@code aud} claim: the issuer by default, as better-auth
 * @param reuse how long a session's token is handed out again instead of a new one; zero: never
 */
public record TokenPolicy(String issuer, String audience, Duration lifetime, Duration reuse) {

    public TokenPolicy {
        Objects.requireNonNull(issuer, "issuer cannot be null");
        Objects.requireNonNull(audience, "audience cannot be null");
        Objects.requireNonNull(lifetime, "lifetime cannot be null");
        Objects.requireNonNull(reuse, "reuse cannot be null");
        if (reuse.isNegative() || reuse.compareTo(lifetime) >= 0) {
            throw new IllegalArgumentException("the reuse window must be at least zero and shorter than the lifetime");
        }
    }
}
