package dev.momentum.auth.adapter.web.signing;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.application.signing.port.in.IssueTokenUseCase;
import dev.momentum.auth.application.signing.port.in.PublishedKeysQuery;
import dev.momentum.auth.application.signing.port.in.TokenTermsQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * JWTs for backends (better-auth's jwt plugin) and what their verifiers need to find our keys:
 * the JWKS and the discovery documents at the issuer, so Spring's {@code issuer-uri} and
 * {@code jose}'s {@code createRemoteJWKSet} work as configured for any OpenID provider.
 */
@RestController
public final class JwtController {

    /** Shorter than the publish lead of a new key (ADR-0016), so every cache sees it before it signs. */
    static final Duration JWKS_MAX_AGE = Duration.ofMinutes(5);

    private final IssueTokenUseCase tokens;
    private final PublishedKeysQuery keys;
    private final TokenTermsQuery terms;
    private final SessionCredentials credentials;
    private final AuthApiSettings settings;
    private final JwkSets jwkSets = new JwkSets();

    JwtController(IssueTokenUseCase tokens, PublishedKeysQuery keys, TokenTermsQuery terms,
                  SessionCredentials credentials, AuthApiSettings settings) {
        this.tokens = tokens;
        this.keys = keys;
        this.terms = terms;
        this.credentials = credentials;
        this.settings = settings;
    }

    @GetMapping(AuthApiSettings.BASE_PATH + "/token")
    Mono<ResponseEntity<Map<String, String>>> token(ServerWebExchange exchange) {
        return tokens.issueToken(credentials.token(exchange.getRequest()).orElse(null))
                .map(token -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("token", token)));
    }

    @GetMapping(AuthApiSettings.BASE_PATH + "/jwks")
    Mono<ResponseEntity<String>> jwks() {
        return keys.publishedKeys().map(published -> ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(JWKS_MAX_AGE).cachePublic())
                .contentType(MediaType.APPLICATION_JSON).body(jwkSets.jsonOf(published)));
    }

    @GetMapping({"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server",
            AuthApiSettings.BASE_PATH + "/.well-known/openid-configuration"})
    ResponseEntity<Map<String, Object>> discovery() {
        String issuer = terms.issuer();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(JWKS_MAX_AGE).cachePublic()).body(Map.of(
                "issuer", issuer,
                "jwks_uri", settings.authBaseUrl() + "/jwks",
                "id_token_signing_alg_values_supported", List.of(terms.algorithm()),
                "token_endpoint_auth_signing_alg_values_supported", List.of(terms.algorithm()),
                "subject_types_supported", List.of("public"),
                "response_types_supported", List.of("token"),
                "claims_supported", List.of("iss", "aud", "sub", "iat", "exp", "jti", "email", "email_verified",
                        "emailVerified", "name", "image")));
    }
}
