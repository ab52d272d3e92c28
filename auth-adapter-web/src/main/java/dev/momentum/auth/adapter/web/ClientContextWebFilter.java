package dev.momentum.auth.adapter.web;

import dev.momentum.auth.application.port.in.ClientContext;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Puts the caller (address and user agent) in the context of the request, where the audit trail finds it. */
final class ClientContextWebFilter implements WebFilter, Ordered {

    /** Right after the rate limit filter, which resolves the client's address. */
    @Override
    public int getOrder() {
        return -89;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).contextWrite(context -> ClientContext.with(context, ClientInfos.of(exchange)));
    }
}
