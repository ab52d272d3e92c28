package dev.momentum.auth.adapter.web;

import dev.momentum.auth.domain.session.ClientInfo;
import java.net.InetSocketAddress;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The client as the socket sees it; forwarded-for headers are not trusted by default. */
final class ClientInfos {

    private ClientInfos() {
    }

    static ClientInfo of(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        String ip = remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress();
        return new ClientInfo(ip, request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
    }
}
