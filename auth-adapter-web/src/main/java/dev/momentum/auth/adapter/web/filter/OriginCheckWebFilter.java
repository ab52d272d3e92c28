package dev.momentum.auth.adapter.web.filter;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.error.HttpProblem;
import dev.momentum.auth.adapter.web.security.TrustedOrigins;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * better-auth's CSRF defence ({@code middlewares/origin-check.mjs}): a state-changing request that
 * carries cookies must come from a trusted origin; sign-in and sign-up also refuse cross-site
 * form navigations and untrusted origins even without cookies.
 */
public final class OriginCheckWebFilter implements WebFilter, Ordered {

    private static final Set<HttpMethod> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final TrustedOrigins trustedOrigins;

    public OriginCheckWebFilter(TrustedOrigins trustedOrigins) {
        this.trustedOrigins = trustedOrigins;
    }

    @Override
    public int getOrder() {
        return FilterOrder.ORIGIN_CHECK;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (SAFE_METHODS.contains(request.getMethod()) || !path.startsWith(AuthApiSettings.BASE_PATH + "/")) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = request.getHeaders();
        boolean signInOrUp = path.startsWith(AuthApiSettings.BASE_PATH + "/sign-in")
                || path.startsWith(AuthApiSettings.BASE_PATH + "/sign-up");
        if (signInOrUp && "cross-site".equals(headers.getFirst("Sec-Fetch-Site"))
                && "navigate".equals(headers.getFirst("Sec-Fetch-Mode"))) {
            return Mono.error(HttpProblem.forbidden("CROSS_SITE_NAVIGATION_LOGIN_BLOCKED",
                    "Cross-site navigation login blocked. This request appears to be a CSRF attack."));
        }
        boolean carriesCookies = headers.containsHeader(HttpHeaders.COOKIE);
        boolean announcesOrigin = headers.containsHeader(HttpHeaders.ORIGIN) || headers.containsHeader(HttpHeaders.REFERER)
                || headers.headerNames().stream().anyMatch(name -> name.regionMatches(true, 0, "Sec-Fetch-", 0, 10));
        if (carriesCookies || signInOrUp && announcesOrigin) {
            HttpProblem problem = checkOrigin(headers);
            if (problem != null) {
                return Mono.error(problem);
            }
        }
        return chain.filter(exchange);
    }

    private HttpProblem checkOrigin(HttpHeaders headers) {
        String origin = headers.getOrigin();
        if ("null".equals(origin) && "same-origin".equals(headers.getFirst("Sec-Fetch-Site"))) {
            return null;
        }
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            origin = headers.getFirst(HttpHeaders.REFERER);
        }
        if (origin == null || origin.isBlank() || "null".equals(origin)) {
            return HttpProblem.forbidden("MISSING_OR_NULL_ORIGIN", "Missing or null Origin");
        }
        return trustedOrigins.isTrustedOrigin(origin) ? null : HttpProblem.forbidden("INVALID_ORIGIN", "Invalid origin");
    }
}
