package dev.momentum.auth.adapter.web;

import dev.momentum.auth.adapter.web.filter.RateLimitWebFilter;
import dev.momentum.auth.adapter.web.security.ClientAddresses;
import dev.momentum.auth.domain.session.ClientInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/** The client as {@link RateLimitWebFilter} resolved it (forwarding headers only from trusted proxies). */
public final class ClientInfos {

    private ClientInfos() {
    }

    public static ClientInfo of(ServerWebExchange exchange) {
        String address = exchange.getAttribute(RateLimitWebFilter.CLIENT_ADDRESS);
        return new ClientInfo(ClientAddresses.UNKNOWN.equals(address) ? null : address,
                exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT));
    }
}
