package dev.momentum.auth.adapter.web.error;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.filter.RequestIds;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.AuthFailure;
import dev.momentum.auth.application.error.HashingOverloadedException;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.RateLimitedException;
import dev.momentum.auth.application.error.StorageUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every failure becomes a status and a {@code {"code","message"}} body, whether it came from a
 * controller, a filter or the framework: bad input never gets a 500 or a stack trace. Only a
 * real bug answers 500, and its details go to the log, not to the client.
 */
@Order(-2)
public final class JsonErrorWebExceptionHandler implements WebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorWebExceptionHandler.class);

    private final JsonMapper json;

    public JsonErrorWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = describe(error);
        if (problem.status().is5xxServerError() && !(error instanceof StorageUnavailableException)
                && !(error instanceof HashingOverloadedException)) {
            try (var requestId = MDC.putCloseable(RequestIds.ATTRIBUTE, RequestIds.of(exchange))) {
                LOG.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), error);
            }
        }
        var response = exchange.getResponse();
        response.setStatusCode(problem.status());
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        }
        if (error instanceof RateLimitedException limited) {
            // better-auth's client reads X-Retry-After; Retry-After is the standard's name
            String seconds = String.valueOf(limited.retryAfterSeconds());
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, seconds);
            response.getHeaders().set("X-Retry-After", seconds);
        }
        Map<String, String> body = new LinkedHashMap<>();
        if (error instanceof OAuthException || isOAuthProtocolRoute(exchange)) {
            String code = error instanceof OAuthException refused ? refused.code().wireName()
                    : oauthCodeOf(problem.status());
            challenge(exchange, code, problem.message());
            body.put("error", code);
            body.put("error_description", problem.message());
        } else {
            body.put("code", problem.code());
            body.put("message", problem.message());
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(body))));
    }

    /**
     * The OAuth protocol's endpoints answer every refusal as RFC 6749 section 5.2 does; better-auth's
     * routes for its pages (consent, the user's consents) answer as the rest of the API.
     */
    private static boolean isOAuthProtocolRoute(ServerWebExchange exchange) {
        return OAUTH_PROTOCOL_ROUTES.contains(exchange.getRequest().getPath().pathWithinApplication().value());
    }

    private static final Set<String> OAUTH_PROTOCOL_ROUTES = Stream.of("authorize", "token", "register", "userinfo",
            "revoke", "introspect", "end-session").map(route -> AuthApiSettings.BASE_PATH + "/oauth2/" + route)
            .collect(Collectors.toUnmodifiableSet());

    private static String oauthCodeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 401 -> "invalid_token";
            case 403 -> "access_denied";
            case 429, 503 -> "temporarily_unavailable";
            default -> status.is5xxServerError() ? "server_error" : "invalid_request";
        };
    }

    /** RFC 6750 section 3 for a refused bearer token; RFC 6749 section 5.2 for a refused HTTP Basic client. */
    private static void challenge(ServerWebExchange exchange, String code, String description) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if ("invalid_token".equals(code)) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\", error_description=\""
                    + description.replace("\"", "'") + "\"");
        } else if ("invalid_client".equals(code) && String.valueOf(exchange.getRequest().getHeaders()
                .getFirst(HttpHeaders.AUTHORIZATION)).regionMatches(true, 0, "Basic ", 0, 6)) {
            headers.set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth\"");
        }
    }

    private static final Problem UNSUPPORTED_MEDIA_TYPE = new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type: send application/json");

    static Problem describe(Throwable error) {
        return switch (error) {
            case AuthFailure failure -> describe(failure);
            case HttpProblem http -> new Problem(http.status(), http.code(), http.getMessage());
            case UnsupportedMediaTypeStatusException ignored -> UNSUPPORTED_MEDIA_TYPE;
            case InvalidMediaTypeException ignored -> UNSUPPORTED_MEDIA_TYPE;
            case MethodNotAllowedException ignored -> new Problem(HttpStatus.NOT_FOUND, "NOT_FOUND", "Not found");
            case ServerWebInputException input -> describeInput(input);
            // the framework's reasons can echo the request (URLs, paths): answer with the status alone
            case ResponseStatusException status -> new Problem(status.getStatusCode(),
                    statusName(status.getStatusCode()), reasonPhrase(status.getStatusCode()));
            default -> causedBy(error, DataBufferLimitException.class)
                    ? new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Request body too large")
                    : new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_SERVER_ERROR", "Something went wrong");
        };
    }

    /** Every kind of failure a use case answers: no default, so the compiler finds a kind left out. */
    static Problem describe(AuthFailure failure) {
        return switch (failure) {
            case AuthException auth -> new Problem(AuthErrorHttpMapper.statusOf(auth.error()), auth.error().code(),
                    AuthErrorHttpMapper.messageOf(auth));
            case OAuthException refused -> new Problem(switch (refused.code()) {
                case INVALID_CLIENT, INVALID_TOKEN -> HttpStatus.UNAUTHORIZED;
                case ACCESS_DENIED -> HttpStatus.FORBIDDEN;
                default -> HttpStatus.BAD_REQUEST;
            }, refused.code().wireName(), refused.description());
            case RateLimitedException limited -> new Problem(HttpStatus.TOO_MANY_REQUESTS, limited.code(),
                    limited.getMessage());
            case StorageUnavailableException ignored -> of(HttpStatus.SERVICE_UNAVAILABLE, AuthError.SERVICE_UNAVAILABLE);
            case HashingOverloadedException ignored -> of(HttpStatus.SERVICE_UNAVAILABLE, AuthError.OVERLOADED);
        };
    }

    /** Unreadable bodies: broken JSON is BAD_REQUEST, well-formed JSON of the wrong shape VALIDATION_ERROR. */
    private static Problem describeInput(ServerWebInputException input) {
        if (causedBy(input, DataBufferLimitException.class)) {
            return new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", "Request body too large");
        }
        if (causedBy(input, StreamReadException.class)) {
            return new Problem(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "Invalid JSON in request body");
        }
        Throwable databind = find(input, DatabindException.class);
        if (databind instanceof DatabindException mismatch) {
            String path = mismatch.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                            : String.valueOf(reference.getIndex()))
                    .reduce("body", (left, right) -> left + "." + right);
            return new Problem(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR", "[" + path + "] Invalid input");
        }
        if (causedBy(input, DecodingException.class)) {
            return new Problem(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "Invalid JSON in request body");
        }
        return new Problem(HttpStatus.BAD_REQUEST, "VALIDATION_ERROR",
                input.getReason() == null ? "Invalid request" : input.getReason());
    }

    private static Problem of(HttpStatus status, AuthError error) {
        return new Problem(status, error.code(), AuthErrorHttpMapper.messageOf(error));
    }

    private static String statusName(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "ERROR" : known.name();
    }

    private static String reasonPhrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        return find(error, type) != null;
    }

    private static Throwable find(Throwable error, Class<? extends Throwable> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return current;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }

    record Problem(HttpStatusCode status, String code, String message) {
    }
}
