package dev.momentum.auth.application.signing;

import dev.momentum.auth.application.support.SettingsReader;
import dev.momentum.auth.domain.signing.SigningAlgorithm;
import java.time.Duration;
import java.util.Optional;

/**
 * The JWTs for backends, read from the JWT_* variables.
 *
 * @param issuer empty: the public base URL's origin
 * @param audience empty: the issuer
 * @param publishLead how long a new key is published before it signs: longer than any verifier caches the key set
 */
public record TokenSettings(SigningAlgorithm algorithm, Optional<String> issuer, Optional<String> audience,
                            Duration lifetime, Duration reuse, Duration rotationPeriod, Duration publishLead,
                            Duration keyRefresh) {

    public static TokenSettings read(SettingsReader env) {
        var tokens = new TokenSettings(signingAlgorithm(env.text("JWT_ALGORITHM").orElse("ES256"), env),
                env.text("JWT_ISSUER"), env.text("JWT_AUDIENCE"),
                env.duration("JWT_LIFETIME", Duration.ofMinutes(15)),
                env.durationOrZero("JWT_REUSE_WINDOW", Duration.ofSeconds(30)),
                env.duration("JWT_KEY_ROTATION", Duration.ofDays(30)),
                env.duration("JWT_KEY_PUBLISH_LEAD", Duration.ofMinutes(20)),
                env.duration("JWT_KEY_REFRESH", Duration.ofMinutes(1)));
        if (tokens.publishLead().compareTo(tokens.rotationPeriod()) >= 0
                || tokens.keyRefresh().compareTo(tokens.publishLead()) >= 0) {
            env.problem("JWT_KEY_REFRESH must be shorter than JWT_KEY_PUBLISH_LEAD, and that shorter than JWT_KEY_ROTATION");
        }
        if (tokens.reuse().compareTo(tokens.lifetime()) >= 0) {
            env.problem("JWT_REUSE_WINDOW must be shorter than JWT_LIFETIME");
        }
        return tokens;
    }

    private static SigningAlgorithm signingAlgorithm(String name, SettingsReader env) {
        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            if (algorithm.name().equalsIgnoreCase(name.strip())) {
                return algorithm;
            }
        }
        env.problem("JWT_ALGORITHM must be ES256, EdDSA or RS256, not '" + name + "'");
        return SigningAlgorithm.ES256;
    }
}
