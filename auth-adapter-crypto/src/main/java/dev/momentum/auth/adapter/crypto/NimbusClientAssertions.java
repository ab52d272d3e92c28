package dev.momentum.auth.adapter.crypto;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.out.ClientAssertions;
import dev.momentum.auth.domain.oauth.ClientAssertion;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;

/**
 * RFC 7523 client assertions, checked by Nimbus's JWT processor: a signature by one of the client's
 * public keys with an RSA or EC algorithm (never {@code none} or an HMAC, which a public key must not
 * be mistaken for), {@code iss} and {@code sub} the client, an accepted {@code aud}, a {@code jti},
 * and an {@code exp} within the next hour, so that remembering its use stays bounded.
 */
public final class NimbusClientAssertions implements ClientAssertions {

    static final Duration LONGEST_LIFETIME = Duration.ofHours(1);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);
    private static final int CLOCK_SKEW_SECONDS = 60;

    /** The algorithms an assertion may be signed with, for the server's metadata. */
    public static Set<String> algorithms() {
        return Set.copyOf(ALGORITHMS.stream().map(JWSAlgorithm::getName).toList());
    }

    @Override
    public ClientAssertion verify(String assertion, String jwks, String clientId, Set<String> audiences, Instant now) {
        JWTClaimsSet claims;
        try {
            var processor = new DefaultJWTProcessor<SecurityContext>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS,
                    new ImmutableJWKSet<>(JWKSet.parse(jwks).toPublicJWKSet())));
            var verifier = new DefaultJWTClaimsVerifier<>(audiences, new JWTClaimsSet.Builder().issuer(clientId)
                    .subject(clientId).build(), Set.of("aud", "exp", "jti"), Set.of()) {
                @Override
                protected Date currentTime() {
                    return Date.from(now);
                }
            };
            verifier.setMaxClockSkew(CLOCK_SKEW_SECONDS);
            processor.setJWTClaimsSetVerifier(verifier);
            claims = processor.process(assertion, null);
        } catch (ParseException | BadJOSEException | JOSEException refused) {
            throw new OAuthException(Code.INVALID_CLIENT, "the client assertion is not valid: " + refused.getMessage());
        }
        Instant expiresAt = claims.getExpirationTime().toInstant();
        if (expiresAt.isAfter(now.plus(LONGEST_LIFETIME))) {
            throw new OAuthException(Code.INVALID_CLIENT, "the client assertion lives longer than an hour");
        }
        return new ClientAssertion(claims.getJWTID(), expiresAt);
    }
}
