package dev.momentum.auth.bootstrap.system.backend;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A resource server for our OAuth access tokens, as docs/oauth.md tells a team to write one: Spring
 * WebFlux with spring-security-oauth2-resource-server, configured with our issuer URL and its own
 * resource indicator as the audience, plus the one bean RFC 9068 needs: Spring Security 7 accepts
 * only {@code typ: JWT} unless told otherwise, and our access tokens are {@code at+jwt}.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@EnableReactiveMethodSecurity
public class AccessTokenResourceServer {

    public static ConfigurableApplicationContext start(String issuer, String resource) {
        return ResourceServerBackend.run(issuer, resource, AccessTokenResourceServer.class, Tool.class);
    }

    /** Replaces Spring's default {@code typ} check, which would refuse every access token. */
    @Bean
    OAuth2TokenValidator<Jwt> accessTokensOnly() {
        return new JwtTypeValidator("at+jwt");
    }

    @RestController
    static class Tool {

        @GetMapping("/tool")
        Map<String, Object> tool(@AuthenticationPrincipal Jwt jwt) {
            return Map.of("sub", jwt.getSubject(), "client_id", jwt.getClaimAsString("client_id"),
                    "scope", jwt.getClaimAsString("scope"));
        }

        /** A scope the token must carry: Spring answers 403 {@code insufficient_scope} without it. */
        @GetMapping("/report")
        @PreAuthorize("hasAuthority('SCOPE_api:write')")
        Mono<Map<String, Object>> report(@AuthenticationPrincipal Jwt jwt) {
            return Mono.just(Map.of("written_by", jwt.getSubject()));
        }
    }
}
