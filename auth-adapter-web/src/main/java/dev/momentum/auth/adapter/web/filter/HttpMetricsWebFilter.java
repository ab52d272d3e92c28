package dev.momentum.auth.adapter.web.filter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Times every answer into {@code http_server_requests_seconds}, a histogram by method, route
 * pattern, status and outcome, named and tagged as Spring Boot's own, so that dashboards made for
 * Spring services work; and counts the 429s into {@code auth_rate_limited_total} (ADR-0033). The
 * time is taken when the response commits, after the error handler has set its status.
 */
public final class HttpMetricsWebFilter implements WebFilter, Ordered {

    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10)};
    private static final Set<String> KNOWN_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    /** A path no route matched: one tag for all, so that scanners cannot grow the series without bound. */
    static final String UNMATCHED = "UNMATCHED";

    private final MeterRegistry registry;
    private final Counter rateLimited;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    public HttpMetricsWebFilter(MeterRegistry registry) {
        this.registry = registry;
        this.rateLimited = Counter.builder("auth.rate.limited")
                .description("Requests refused with 429, per client address or per account")
                .register(registry);
    }

    @Override
    public int getOrder() {
        return FilterOrder.HTTP_METRICS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Timer.Sample sample = start();
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            record(exchange.getRequest().getMethod().name(), routeOf(exchange), status == null ? 200 : status.value(),
                    sample);
        }));
        return chain.filter(exchange);
    }

    Timer.Sample start() {
        return Timer.start(registry);
    }

    /** Also for the answers the public response cache gives before this filter is reached. */
    void record(String method, String route, int status, Timer.Sample sample) {
        if (status == 429) {
            rateLimited.increment();
        }
        sample.stop(timers.computeIfAbsent(new Series(KNOWN_METHODS.contains(method) ? method : "OTHER", route, status),
                this::timer));
    }

    static String routeOf(ServerWebExchange exchange) {
        Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null) {
            pattern = exchange.getAttribute(RouterFunctions.MATCHING_PATTERN_ATTRIBUTE);
        }
        return pattern == null ? UNMATCHED : pattern.toString();
    }

    private Timer timer(Series series) {
        return Timer.builder("http.server.requests")
                .description("Time to answer an HTTP request, until the response is committed")
                .tag("method", series.method())
                .tag("uri", series.uri())
                .tag("status", String.valueOf(series.status()))
                .tag("outcome", outcomeOf(series.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private static String outcomeOf(int status) {
        return switch (status / 100) {
            case 1 -> "INFORMATIONAL";
            case 2 -> "SUCCESS";
            case 3 -> "REDIRECTION";
            case 4 -> "CLIENT_ERROR";
            case 5 -> "SERVER_ERROR";
            default -> "UNKNOWN";
        };
    }

    private record Series(String method, String uri, int status) {
    }
}
