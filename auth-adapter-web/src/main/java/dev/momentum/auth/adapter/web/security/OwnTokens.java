package dev.momentum.auth.adapter.web.security;

import dev.momentum.auth.adapter.web.signing.JwkSets;
import dev.momentum.auth.application.signing.port.in.PublishedKeysQuery;
import dev.momentum.auth.application.signing.port.in.TokenTermsQuery;
import java.util.List;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Verifies tokens this service issued, as a resource server of ours would: signature against the
 * JWKS we publish (read from memory, not fetched over HTTP from ourselves), our algorithm, issuer
 * and audience, and expiry with Spring's one minute of clock skew.
 */
public final class OwnTokens {

    private OwnTokens() {
    }

    /**
     * The JWTs for backends (better-auth's jwt plugin). Spring's default validators refuse a {@code typ}
     * other than {@code JWT}, so an OAuth access token never passes for one.
     */
    static ReactiveJwtDecoder decoder(PublishedKeysQuery keys, TokenTermsQuery terms) {
        NimbusReactiveJwtDecoder decoder = ours(keys, terms);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(terms.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(terms.audience()))));
        return decoder;
    }

    /** OAuth access tokens of ours (RFC 9068, {@code typ: at+jwt}), for whichever audience. */
    public static ReactiveJwtDecoder accessTokenDecoder(PublishedKeysQuery keys, TokenTermsQuery terms) {
        NimbusReactiveJwtDecoder decoder = ours(keys, terms);
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(terms.issuer()), new JwtTypeValidator("at+jwt"))));
        return decoder;
    }

    /**
     * ID tokens of ours presented as {@code id_token_hint} (RP-Initiated Logout): signature, issuer
     * and type only, since a hint may have expired (section 2 of the specification).
     */
    public static ReactiveJwtDecoder idTokenHintDecoder(PublishedKeysQuery keys, TokenTermsQuery terms) {
        NimbusReactiveJwtDecoder decoder = ours(keys, terms);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtIssuerValidator(terms.issuer()),
                JwtTypeValidator.jwt()));
        return decoder;
    }

    private static NimbusReactiveJwtDecoder ours(PublishedKeysQuery keys, TokenTermsQuery terms) {
        var parsed = new JwkSets();
        JwsAlgorithm algorithm = terms::algorithm;
        return NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> keys.ownKeys().flatMapIterable(parsed::keysOf))
                .jwsAlgorithm(algorithm)
                .build();
    }
}
