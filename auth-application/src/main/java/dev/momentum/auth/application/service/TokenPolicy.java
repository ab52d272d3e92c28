package dev.momentum.auth.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * What the JWTs for backends say.
 *
 * @param issuer the {@code iss} claim and the discovery document's issuer: the public origin by default
 * @param audience the {@code aud} claim: the issuer by default, as better-auth
 */
public record TokenPolicy(String issuer, String audience, Duration lifetime) {

    public TokenPolicy {
        Objects.requireNonNull(issuer, "issuer cannot be null");
        Objects.requireNonNull(audience, "audience cannot be null");
        Objects.requireNonNull(lifetime, "lifetime cannot be null");
    }
}
