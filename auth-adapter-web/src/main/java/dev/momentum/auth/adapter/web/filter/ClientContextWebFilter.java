package dev.momentum.auth.adapter.web.filter;

import dev.momentum.auth.adapter.web.ClientInfos;
import dev.momentum.auth.application.audit.port.in.ClientContext;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Puts the caller (address and user agent) in the context of the request, where the audit trail finds it. */
public final class ClientContextWebFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return FilterOrder.CLIENT_CONTEXT;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return chain.filter(exchange).contextWrite(context -> ClientContext.with(context, ClientInfos.of(exchange)));
    }
}
