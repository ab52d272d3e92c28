package dev.momentum.auth.adapter.web.signing;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.security.SessionCredentials;
import dev.momentum.auth.application.signing.port.in.IssueTokenUseCase;
import dev.momentum.auth.application.signing.port.in.PublishedKeysQuery;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * JWTs for backends (better-auth's jwt plugin) and the JWKS their verifiers find our keys in; the
 * discovery documents that point to it are the authorization server's ({@code OAuthMetadataController}).
 */
@RestController
public final class JwtController {

    /** Shorter than the publish lead of a new key (ADR-0016), so every cache sees it before it signs. */
    static final Duration JWKS_MAX_AGE = Duration.ofMinutes(5);

    private final IssueTokenUseCase tokens;
    private final PublishedKeysQuery keys;
    private final SessionCredentials credentials;
    private final JwkSets jwkSets = new JwkSets();

    JwtController(IssueTokenUseCase tokens, PublishedKeysQuery keys, SessionCredentials credentials) {
        this.tokens = tokens;
        this.keys = keys;
        this.credentials = credentials;
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
}
