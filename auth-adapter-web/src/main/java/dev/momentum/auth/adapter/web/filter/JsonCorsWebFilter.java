package dev.momentum.auth.adapter.web.filter;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.error.HttpProblem;
import dev.momentum.auth.adapter.web.security.TrustedOrigins;
import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the frontends, with credentials, exposing the headers better-auth's clients read.
 * Spring's own CORS filter refuses a foreign origin with an empty 403; this one lets the error
 * handler answer {@code INVALID_ORIGIN} as JSON, like every other refusal.
 */
public final class JsonCorsWebFilter implements WebFilter, Ordered {

    private final UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // answered by the error handler instead
        }
    };

    public JsonCorsWebFilter(TrustedOrigins trustedOrigins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(trustedOrigins.all());
        cors.setAllowCredentials(true);
        cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
        cors.setAllowedHeaders(List.of("*"));
        cors.setExposedHeaders(List.of("set-auth-token", "set-auth-jwt", "X-Retry-After", "Retry-After",
                RequestIds.HEADER));
        cors.setMaxAge(Duration.ofMinutes(10));
        source.registerCorsConfiguration(AuthApiSettings.BASE_PATH + "/**", cors);
    }

    @Override
    public int getOrder() {
        return FilterOrder.CORS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        CorsConfiguration configuration = source.getCorsConfiguration(exchange);
        if (!processor.process(configuration, exchange)) {
            return Mono.error(HttpProblem.forbidden("INVALID_ORIGIN", "Invalid origin"));
        }
        return CorsUtils.isPreFlightRequest(exchange.getRequest()) ? Mono.empty() : chain.filter(exchange);
    }
}
