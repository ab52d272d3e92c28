package dev.momentum.auth.adapter.web.filter;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.error.HttpProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses oversized request lines, oversized headers, oversized bodies and bodies that are not JSON before any work is
 * done, each with a JSON error (Netty alone would answer too-large headers with an empty 431).
 */
public final class RequestLimitsWebFilter implements WebFilter, Ordered {

    public static final int MAX_HEADER_VALUE_LENGTH = 8 * 1024;
    public static final int MAX_TARGET_LENGTH = 8 * 1024;
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_LIMITS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpProblem problem = problemWith(exchange.getRequest());
        return problem == null ? chain.filter(exchange) : Mono.error(problem);
    }

    /**
     * The OAuth endpoints that RFC 6749 and its extensions give form-encoded bodies, and the built-in
     * pages' forms; every other route takes JSON.
     */
    public static final Set<String> FORM_ROUTES = Set.of(AuthApiSettings.BASE_PATH + "/oauth2/authorize",
            AuthApiSettings.BASE_PATH + "/oauth2/token", AuthApiSettings.BASE_PATH + "/oauth2/revoke",
            AuthApiSettings.BASE_PATH + "/oauth2/introspect", AuthApiSettings.BASE_PATH + "/oauth2/userinfo",
            AuthApiSettings.BASE_PATH + "/oauth2/end-session", AuthApiSettings.BASE_PATH + "/oauth2/pages/sign-in",
            AuthApiSettings.BASE_PATH + "/oauth2/pages/two-factor", AuthApiSettings.BASE_PATH + "/oauth2/pages/consent",
            AuthApiSettings.BASE_PATH + "/oauth2/pages/sign-out");

    /** What this filter refuses the request for, or null: the public response cache asks too. */
    public static HttpProblem problemWith(ServerHttpRequest request) {
        String query = request.getURI().getRawQuery();
        if (request.getURI().getRawPath().length() + (query == null ? 0 : query.length() + 1) > MAX_TARGET_LENGTH) {
            return new HttpProblem(HttpStatus.URI_TOO_LONG, "URI_TOO_LONG", "Request URI too long");
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                if (value.length() > MAX_HEADER_VALUE_LENGTH) {
                    return new HttpProblem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                            "REQUEST_HEADER_FIELDS_TOO_LARGE", "Header " + header.getKey() + " is too large");
                }
            }
        }
        if (request.getHeaders().getContentLength() > MAX_BODY_BYTES) {
            return new HttpProblem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Request body too large");
        }
        if (request.getMethod() == HttpMethod.POST && hasBody(request)) {
            MediaType type = request.getHeaders().getContentType();
            if (type == null) {
                return new HttpProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                        "Content-Type is required: send application/json");
            }
            if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)
                    && FORM_ROUTES.contains(request.getPath().pathWithinApplication().value())) {
                return null;
            }
            if (!MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
                return new HttpProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                        "Unsupported media type: send application/json");
            }
        }
        return null;
    }

    private static boolean hasBody(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }
}
