package dev.momentum.auth.adapter.web.filter;

import dev.momentum.auth.application.error.RateLimitedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Answers a GET of a public document, one the service marks {@code Cache-Control: public} (the
 * JWKS, the discovery documents), from memory for a second after the filter chain made it, as a
 * shared cache in front of the service would (ADR-0039). The JWKS cost about 120 µs of CPU an
 * answer through the chain, and about 28 µs from memory.
 *
 * <p>As a filter, it keeps a copy of every such 200 it sees go out, with all its headers but the
 * request id. In front of the chain ({@link #answering}), it gives that copy to a GET of the same
 * path without a query, with the same {@code Accept} and without any header the answer varies on
 * (CORS requests go to the chain), under a request id of its own; the request is counted against its
 * client's rate limit and timed under its route as if the chain had answered. A request the chain
 * would refuse goes to the chain.
 */
public final class PublicResponseCache implements WebFilter, Ordered {

    static final Duration FRESH_FOR = Duration.ofSeconds(1);
    /** Answers kept at most: the public routes are few, and a key is chosen by the client. */
    static final int CAPACITY = 64;
    /**
     * Paths remembered for having answered a 2xx that is not public, so that their GETs are not
     * watched again: the watching cost get-session 10 % of its throughput. Routes do not change
     * between public and private; an error answer says nothing of its route, so it is not counted.
     */
    static final int PRIVATE_PATHS = 256;
    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age=(\\d+)");

    /**
     * What becomes of each filter of the chain when an answer comes from memory instead, by the
     * filter's class. An answer from memory skips the chain, so a filter added later would be
     * skipped unnoticed: {@code JwtInteropIT} fails on every filter of the running service that is
     * not listed here.
     */
    public static final Map<String, String> FILTERS_ACCOUNTED_FOR = Map.of(
            "PublicResponseCache", "this filter: it keeps the copies",
            "RequestIds", "the answer gets a request id of its own, by the same rules",
            "HttpMetricsWebFilter", "the answer is timed under its route",
            "RateLimitWebFilter", "the request is counted against its client's limit; refused ones go to the chain",
            "RequestLimitsWebFilter", "a request it would refuse goes to the chain",
            "JsonCorsWebFilter", "a request with an Origin goes to the chain",
            "OriginCheckWebFilter", "it checks only state-changing requests; the copies answer GETs",
            "ClientContextWebFilter", "it tells use cases the client; an answer from memory runs none",
            "OAuthContinuationWebFilter", "it continues sign-ins, which are POSTs; the copies answer GETs",
            "WebFilterChainProxy", "Spring Security's headers were written before the copy was taken");

    private final Map<Key, Answer> answers = new ConcurrentHashMap<>();
    private final Set<String> privatePaths = ConcurrentHashMap.newKeySet();
    private final RequestIds requestIds;
    private final HttpMetricsWebFilter metrics;
    private final RateLimitWebFilter rateLimits;
    private final Counter given;
    private final LongSupplier nanoTime;

    public PublicResponseCache(RequestIds requestIds, HttpMetricsWebFilter metrics, RateLimitWebFilter rateLimits,
                        MeterRegistry registry) {
        this(requestIds, metrics, rateLimits, registry, System::nanoTime);
    }

    PublicResponseCache(RequestIds requestIds, HttpMetricsWebFilter metrics, RateLimitWebFilter rateLimits,
                        MeterRegistry registry, LongSupplier nanoTime) {
        this.requestIds = requestIds;
        this.metrics = metrics;
        this.rateLimits = rateLimits;
        this.given = Counter.builder("auth.public.answers.from.memory")
                .description("GETs of public documents (JWKS, discovery) answered from memory, before the filter chain")
                .register(registry);
        this.nanoTime = nanoTime;
    }

    @Override
    public int getOrder() {
        return FilterOrder.PUBLIC_RESPONSES;
    }

    /** The server's handler with a stored answer tried first. */
    public HttpHandler answering(HttpHandler chain) {
        return (request, response) -> {
            Answer answer = freshAnswerFor(request);
            if (answer == null || RequestLimitsWebFilter.problemWith(request) != null) {
                return chain.handle(request, response);
            }
            return rateLimits.admit(request)
                    .then(Mono.defer(() -> give(answer, request, response)))
                    .onErrorResume(RateLimitedException.class, refused -> chain.handle(request, response));
        };
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Key key = keyOf(exchange.getRequest());
        if (key == null || privatePaths.contains(key.path())) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().response(new Keeping(exchange, key)).build());
    }

    private Answer freshAnswerFor(ServerHttpRequest request) {
        Key key = keyOf(request);
        Answer answer = key == null ? null : answers.get(key);
        return answer != null && nanoTime.getAsLong() - answer.storedAt() < FRESH_FOR.toNanos()
                && answer.fitsRequestWith(request.getHeaders()) ? answer : null;
    }

    private static Key keyOf(ServerHttpRequest request) {
        return request.getMethod() == HttpMethod.GET && request.getURI().getRawQuery() == null
                ? new Key(request.getPath().value(), request.getHeaders().getFirst(HttpHeaders.ACCEPT)) : null;
    }

    private Mono<Void> give(Answer answer, ServerHttpRequest request, ServerHttpResponse response) {
        Timer.Sample sample = metrics.start();
        response.setStatusCode(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        headers.set(RequestIds.HEADER, requestIds.idFor(request.getHeaders().getFirst(RequestIds.HEADER)));
        headers.putAll(answer.headers());
        metrics.record(HttpMethod.GET.name(), answer.route(), HttpStatus.OK.value(), sample);
        given.increment();
        return response.writeWith(Mono.just(response.bufferFactory().wrap(answer.body())));
    }

    private void keep(ServerWebExchange exchange, Key key, HttpHeaders headers, byte[] body) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        if (status != null && status.value() != HttpStatus.OK.value() || headers.containsHeader(HttpHeaders.SET_COOKIE)
                || !isPublic(headers.getCacheControl())) {
            return;
        }
        List<String> vary = headers.getVary();
        if (vary.contains("*") || vary.stream().anyMatch(exchange.getRequest().getHeaders()::containsHeader)) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (answers.size() >= CAPACITY) {
            answers.values().removeIf(stale -> now - stale.storedAt() >= FRESH_FOR.toNanos());
            if (answers.size() >= CAPACITY) {
                return;
            }
        }
        HttpHeaders kept = new HttpHeaders();
        headers.forEach((name, values) -> kept.put(name, List.copyOf(values)));
        kept.remove(RequestIds.HEADER);
        kept.setContentLength(body.length);
        answers.put(key, new Answer(HttpHeaders.readOnlyHttpHeaders(kept), List.copyOf(vary),
                body, HttpMetricsWebFilter.routeOf(exchange), now));
    }

    private static boolean isPublic(String cacheControl) {
        if (cacheControl == null || !cacheControl.contains("public") || cacheControl.contains("no-store")
                || cacheControl.contains("no-cache") || cacheControl.contains("private")) {
            return false;
        }
        Matcher maxAge = MAX_AGE.matcher(cacheControl);
        return maxAge.find() && Long.parseLong(maxAge.group(1)) > 0;
    }

    private record Key(String path, String accept) {
    }

    private record Answer(HttpHeaders headers, List<String> vary, byte[] body, String route, long storedAt) {

        boolean fitsRequestWith(HttpHeaders requestHeaders) {
            for (String name : vary) {
                if (requestHeaders.containsHeader(name)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Passes the answer on, and keeps a copy of it with all its headers: at the commit when the body is whole by then, else once written. */
    private final class Keeping extends ServerHttpResponseDecorator {

        private final ServerWebExchange exchange;
        private final Key key;

        Keeping(ServerWebExchange exchange, Key key) {
            super(exchange.getResponse());
            this.exchange = exchange;
            this.key = key;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            if (!isPublic(getHeaders().getCacheControl())) {
                HttpStatusCode status = getStatusCode();
                if ((status == null || status.is2xxSuccessful()) && privatePaths.size() < PRIVATE_PATHS) {
                    privatePaths.add(key.path());
                }
                return super.writeWith(body);
            }
            var copy = new ByteArrayOutputStream();
            var kept = new AtomicBoolean();
            Runnable keepOnce = () -> {
                if (kept.compareAndSet(false, true)) {
                    keep(exchange, key, getDelegate().getHeaders(), copy.toByteArray());
                }
            };
            long length = getHeaders().getContentLength();
            // A client that knows the length has the answer once the bytes arrive, possibly before the
            // write completes, and may ask again at once (MetricsIT did, in one run of three). The server
            // commits the headers when the first buffer reaches it, after this copy saw it: a whole
            // body by then is kept at the commit, with every header, before any byte goes out.
            beforeCommit(() -> Mono.fromRunnable(() -> {
                if (length >= 0 && copy.size() == length) {
                    keepOnce.run();
                }
            }));
            return super.writeWith(Flux.from(body).doOnNext(buffer -> {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), 0, bytes.length);
                        copy.writeBytes(bytes);
                    })
                    .doOnComplete(keepOnce));
        }
    }
}
