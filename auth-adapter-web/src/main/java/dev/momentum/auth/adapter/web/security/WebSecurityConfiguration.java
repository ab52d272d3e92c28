package dev.momentum.auth.adapter.web.security;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.error.JsonErrorWebExceptionHandler;
import dev.momentum.auth.adapter.web.filter.JsonCorsWebFilter;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.signing.port.in.PublishedKeysQuery;
import dev.momentum.auth.application.signing.port.in.TokenTermsQuery;
import dev.momentum.auth.domain.user.User;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.StaticServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Spring Security supplies the security headers (CORS is {@link JsonCorsWebFilter}). Authentication itself is the use
 * cases' business (better-auth's session model), so every route is open here and Spring
 * Security keeps no session or saved request of its own; CSRF is better-auth's origin check.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class WebSecurityConfiguration {

    /** HSTS for a year, sent when the public URL is https (ADR-0023). */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
    private static final String ADMIN_AUTHORITY = "ROLE_ADMIN";

    /**
     * The firewall refuses paths with an encoded NUL, "..", "//" or ";" with a bare 400; this makes
     * its refusal a JSON error like every other (FuzzIT found the bare ones).
     */
    @Bean
    static BeanPostProcessor jsonFirewallRefusals(ObjectProvider<JsonErrorWebExceptionHandler> errors) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof WebFilterChainProxy proxy) {
                    proxy.setExchangeRejectedHandler((exchange, refused) -> errors.getObject()
                            .handle(exchange, new ResponseStatusException(HttpStatus.BAD_REQUEST)));
                }
                return bean;
            }
        };
    }

    @Bean
    SecurityWebFilterChain authApiSecurity(ServerHttpSecurity http, AuthApiSettings settings) {
        return statelessAndHardened(http, settings)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .build();
    }

    /**
     * The admin API (ADR-0034): a bearer token of ours, checked against our own JWKS as any
     * resource server would, whose {@code role} claim is {@code admin}; refusals in our JSON.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain adminApiSecurity(ServerHttpSecurity http, AuthApiSettings settings,
                                            PublishedKeysQuery keys, TokenTermsQuery terms,
                                            JsonErrorWebExceptionHandler errors) {
        var adminsOnly = new ReactiveJwtAuthenticationConverter();
        adminsOnly.setJwtGrantedAuthoritiesConverter(jwt -> User.ADMIN.equals(jwt.getClaimAsString("role"))
                ? Flux.just(new SimpleGrantedAuthority(ADMIN_AUTHORITY)) : Flux.empty());
        ServerAuthenticationEntryPoint unauthorized = (exchange, refused) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    refused instanceof OAuth2AuthenticationException ? "Bearer error=\"invalid_token\"" : "Bearer");
            return errors.handle(exchange, new AuthException(AuthError.UNAUTHORIZED));
        };
        ServerAccessDeniedHandler forbidden = (exchange, denied) -> errors.handle(exchange,
                new AuthException(AuthError.FORBIDDEN));
        return statelessAndHardened(http, settings)
                .securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/admin", "/api/admin/**"))
                .authorizeExchange(exchanges -> exchanges.anyExchange().hasAuthority(ADMIN_AUTHORITY))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(OwnTokens.decoder(keys, terms)).jwtAuthenticationConverter(adminsOnly))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    private static ServerHttpSecurity statelessAndHardened(ServerHttpSecurity http, AuthApiSettings settings) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        // Spring sends HSTS only on requests that arrive over TLS, which behind a
                        // TLS-terminating proxy none do; browsers ignore it over plain http anyway
                        .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable)
                        .writer(settings.secureCookies()
                                ? StaticServerHttpHeadersWriter.builder()
                                        .header("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY).build()
                                : exchange -> Mono.empty()));
    }
}
