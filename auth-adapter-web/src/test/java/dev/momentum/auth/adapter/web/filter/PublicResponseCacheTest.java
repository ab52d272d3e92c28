package dev.momentum.auth.adapter.web.filter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.adapter.web.security.ClientAddresses;
import dev.momentum.auth.application.error.RateLimitedException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;

class PublicResponseCacheTest {

    private static final String JWKS = "/api/auth/jwks";
    private static final String BODY = "{\"keys\":[]}";

    private final AtomicInteger chainAnswers = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<String> rateLimited = new ArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private static final Consumer<ServerWebExchange> PUBLIC_ANSWER = exchange -> {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.setCacheControl("max-age=300, public");
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setVary(List.of(HttpHeaders.ORIGIN));
        headers.setContentLength(BODY.length());
    };

    private Consumer<ServerWebExchange> answer = PUBLIC_ANSWER;

    private HttpHandler server = server();

    @Test
    void aPublicAnswerIsGivenAgainWithoutTheChainWithItsHeadersBodyAndAFreshRequestId() {
        MockServerHttpResponse first = get(MockServerHttpRequest.get(JWKS));
        MockServerHttpResponse second = get(MockServerHttpRequest.get(JWKS));

        assertThat(chainAnswers).hasValue(1);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBodyAsString().block()).isEqualTo(BODY);
        assertThat(withoutRequestId(second.getHeaders())).isEqualTo(withoutRequestId(first.getHeaders()));
        assertThat(second.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(second.getHeaders().getContentLength()).isEqualTo(BODY.length());
        assertThat(second.getHeaders().getFirst(RequestIds.HEADER))
                .isNotBlank().isNotEqualTo(first.getHeaders().getFirst(RequestIds.HEADER));
        assertThat(registry.get("http.server.requests").tag("uri", JWKS).tag("status", "200").timer().count())
                .as("both answers timed under the route").isEqualTo(2);
        assertThat(registry.get("auth.public.answers.from.memory").counter().count()).isEqualTo(1);
    }

    @Test
    void aCallersPlainRequestIdIsKeptOnAStoredAnswer() {
        get(MockServerHttpRequest.get(JWKS));

        MockServerHttpResponse second = get(MockServerHttpRequest.get(JWKS).header(RequestIds.HEADER, "edge-42"));

        assertThat(chainAnswers).hasValue(1);
        assertThat(second.getHeaders().get(RequestIds.HEADER)).containsExactly("edge-42");
    }

    @Test
    void anAnswerIsStoredForOneSecond() {
        get(MockServerHttpRequest.get(JWKS));
        now.addAndGet(PublicResponseCache.FRESH_FOR.toNanos() - 1);
        get(MockServerHttpRequest.get(JWKS));
        assertThat(chainAnswers).hasValue(1);

        now.incrementAndGet();
        get(MockServerHttpRequest.get(JWKS));

        assertThat(chainAnswers).hasValue(2);
    }

    @Test
    void answersThatAreNotPublicOrNotOkOrSetACookieAreNeverStored() {
        for (Consumer<ServerWebExchange> notShared : List.<Consumer<ServerWebExchange>>of(
                exchange -> exchange.getResponse().getHeaders().setCacheControl("no-store"),
                exchange -> exchange.getResponse().getHeaders().setCacheControl("private, max-age=300"),
                exchange -> exchange.getResponse().getHeaders().setCacheControl("public, max-age=0"),
                exchange -> exchange.getResponse().getHeaders().setCacheControl("public"),
                exchange -> {
                    PUBLIC_ANSWER.accept(exchange);
                    exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
                },
                exchange -> {
                    PUBLIC_ANSWER.accept(exchange);
                    exchange.getResponse().getHeaders().add(HttpHeaders.SET_COOKIE, "a=b");
                },
                exchange -> {
                    PUBLIC_ANSWER.accept(exchange);
                    exchange.getResponse().getHeaders().setVary(List.of("*"));
                })) {
            answer = notShared;
            chainAnswers.set(0);
            server = server();

            get(MockServerHttpRequest.get(JWKS));
            get(MockServerHttpRequest.get(JWKS));

            assertThat(chainAnswers).hasValue(2);
        }
    }

    @Test
    void aPathThatAnsweredA2xxThatIsNotPublicIsNotWatchedAgain() {
        assertThat(chainAnswersWhenPublicAnswersFollow(
                exchange -> exchange.getResponse().getHeaders().setCacheControl("no-store"))).isEqualTo(3);
    }

    @Test
    void aPathThatFailedIsWatchedAgain() {
        assertThat(chainAnswersWhenPublicAnswersFollow(
                exchange -> exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE))).isEqualTo(2);
    }

    /** The chain's answers to three GETs, the first answered by {@code first}, the others publicly. */
    private int chainAnswersWhenPublicAnswersFollow(Consumer<ServerWebExchange> first) {
        answer = first;
        get(MockServerHttpRequest.get(JWKS));
        answer = PUBLIC_ANSWER;
        get(MockServerHttpRequest.get(JWKS));
        get(MockServerHttpRequest.get(JWKS));
        return chainAnswers.get();
    }

    @Test
    void requestsWithAQueryAnotherMethodAnotherAcceptOrAHeaderTheAnswerVariesOnGoToTheChain() {
        get(MockServerHttpRequest.get(JWKS));

        get(MockServerHttpRequest.get(JWKS + "?fresh=1"));
        get(MockServerHttpRequest.head(JWKS));
        get(MockServerHttpRequest.get(JWKS).accept(MediaType.TEXT_HTML));
        get(MockServerHttpRequest.get(JWKS).header(HttpHeaders.ORIGIN, "https://app.example.com"));
        get(MockServerHttpRequest.get("/api/auth/jwks/"));

        assertThat(chainAnswers).hasValue(6);
    }

    @Test
    void anAnswerMadeForAHeaderItVariesOnIsNotStored() {
        get(MockServerHttpRequest.get(JWKS).header(HttpHeaders.ORIGIN, "https://app.example.com"));
        get(MockServerHttpRequest.get(JWKS));

        assertThat(chainAnswers).hasValue(2);
    }

    @Test
    void requestsTheChainWouldRefuseGoToTheChain() {
        get(MockServerHttpRequest.get(JWKS));

        get(MockServerHttpRequest.get(JWKS).header("X-Big", "x".repeat(RequestLimitsWebFilter.MAX_HEADER_VALUE_LENGTH + 1)));
        rateLimited.add("/jwks");
        get(MockServerHttpRequest.get(JWKS));

        assertThat(chainAnswers).hasValue(3);
    }

    @Test
    void storedAnswersAreBounded() {
        for (int i = 0; i < PublicResponseCache.CAPACITY + 1; i++) {
            get(MockServerHttpRequest.get(JWKS).header(HttpHeaders.ACCEPT, "application/json; v=" + i));
        }
        chainAnswers.set(0);

        get(MockServerHttpRequest.get(JWKS).header(HttpHeaders.ACCEPT, "application/json; v=0"));
        get(MockServerHttpRequest.get(JWKS).header(HttpHeaders.ACCEPT, "application/json; v=" + PublicResponseCache.CAPACITY));
        assertThat(chainAnswers).as("the first kept, the one over capacity not").hasValue(1);

        now.addAndGet(PublicResponseCache.FRESH_FOR.toNanos());
        get(MockServerHttpRequest.get(JWKS).header(HttpHeaders.ACCEPT, "application/json; v=" + PublicResponseCache.CAPACITY));
        get(MockServerHttpRequest.get(JWKS).header(HttpHeaders.ACCEPT, "application/json; v=" + PublicResponseCache.CAPACITY));
        assertThat(chainAnswers).as("stale answers make room").hasValue(2);
    }

    private MockServerHttpResponse get(MockServerHttpRequest.BaseBuilder<?> request) {
        MockServerHttpResponse response = new MockServerHttpResponse();
        server.handle(request.build(), response).block(Duration.ofSeconds(5));
        return response;
    }

    private static HttpHeaders withoutRequestId(HttpHeaders headers) {
        HttpHeaders copy = new HttpHeaders();
        copy.putAll(headers);
        copy.remove(RequestIds.HEADER);
        return copy;
    }

    private HttpHandler server() {
        var requestIds = new RequestIds(() -> "instance1234567890abcd");
        var rateLimits = new RateLimitWebFilter(new ClientAddresses(List.of()), (client, path) ->
                rateLimited.contains(path) ? Mono.error(new RateLimitedException(Duration.ofSeconds(1))) : Mono.empty());
        var metrics = new HttpMetricsWebFilter(registry);
        var cache = new PublicResponseCache(requestIds, metrics, rateLimits, registry, now::get);
        return WebHttpHandlerBuilder
                .webHandler(exchange -> {
                    chainAnswers.incrementAndGet();
                    exchange.getAttributes().put(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, JWKS);
                    answer.accept(exchange);
                    // as Spring Security's header writers do: added when the answer commits
                    exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() ->
                            exchange.getResponse().getHeaders().set("X-Content-Type-Options", "nosniff")));
                    var response = exchange.getResponse();
                    return response.writeWith(Mono.just(response.bufferFactory()
                            .wrap(BODY.getBytes(StandardCharsets.UTF_8))));
                })
                .filter(cache, requestIds, metrics)
                .httpHandlerDecorator(cache::answering)
                .build();
    }
}
