package dev.momentum.auth.adapter.web.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.momentum.auth.application.signing.port.in.IssueTokenUseCase;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * Verifies tokens this service issued, as a resource server of ours would: signature against the
 * JWKS we publish (read from memory, not fetched over HTTP from ourselves), our algorithm, issuer
 * and audience, and expiry with Spring's one minute of clock skew.
 */
final class OwnTokens {

    private OwnTokens() {
    }

    static ReactiveJwtDecoder decoder(IssueTokenUseCase tokens) {
        var parsed = new AtomicReference<ParsedJwks>(new ParsedJwks("", List.of()));
        JwsAlgorithm algorithm = tokens::algorithm;
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(jwt -> tokens.ownJwksJson().flatMapMany(json -> Flux.fromIterable(keysOf(json, parsed))))
                .jwsAlgorithm(algorithm)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(tokens.issuer()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        audience -> audience != null && audience.contains(tokens.audience()))));
        return decoder;
    }

    /** The keys of the document, parsed once per version of it. */
    private static List<JWK> keysOf(String json, AtomicReference<ParsedJwks> parsed) {
        ParsedJwks last = parsed.get();
        if (last.json().equals(json)) {
            return last.keys();
        }
        try {
            List<JWK> keys = JWKSet.parse(json).getKeys();
            parsed.set(new ParsedJwks(json, keys));
            return keys;
        } catch (ParseException broken) {
            throw new IllegalStateException("the service's own JWKS does not parse", broken);
        }
    }

    private record ParsedJwks(String json, List<JWK> keys) {
    }
}
