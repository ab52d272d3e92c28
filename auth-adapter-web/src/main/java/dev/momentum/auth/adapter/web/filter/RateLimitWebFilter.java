package dev.momentum.auth.adapter.web.filter;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.security.ClientAddresses;
import dev.momentum.auth.application.throttle.port.in.RateLimitUseCase;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts each request to the auth API against its client's budget before anything else is done
 * with it, as better-auth does (before routing, body parsing and password hashing). Also records
 * the client's address for the session it may start.
 */
public final class RateLimitWebFilter implements WebFilter, Ordered {

    public static final String CLIENT_ADDRESS = RateLimitWebFilter.class.getName() + ".clientAddress";
    private static final String API_PREFIX = AuthApiSettings.BASE_PATH + "/";

    private final ClientAddresses clientAddresses;
    private final RateLimitUseCase rateLimits;

    public RateLimitWebFilter(ClientAddresses clientAddresses, RateLimitUseCase rateLimits) {
        this.clientAddresses = clientAddresses;
        this.rateLimits = rateLimits;
    }

    @Override
    public int getOrder() {
        return FilterOrder.RATE_LIMITS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String client = clientAddresses.of(exchange.getRequest());
        exchange.getAttributes().put(CLIENT_ADDRESS, client);
        return admit(exchange.getRequest(), client).then(Mono.defer(() -> chain.filter(exchange)));
    }

    /** Counts the request against its client's budget; a {@code RateLimitedException} when it is spent. */
    public Mono<Void> admit(ServerHttpRequest request) {
        return admit(request, clientAddresses.of(request));
    }

    private Mono<Void> admit(ServerHttpRequest request, String client) {
        String path = request.getPath().pathWithinApplication().value();
        return path.startsWith(API_PREFIX)
                ? rateLimits.admitRequest(ClientAddresses.budgetKey(client), path.substring(AuthApiSettings.BASE_PATH.length()))
                : Mono.empty();
    }
}
