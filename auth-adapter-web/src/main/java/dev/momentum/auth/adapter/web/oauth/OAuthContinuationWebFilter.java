package dev.momentum.auth.adapter.web.oauth;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.filter.FilterOrder;
import dev.momentum.auth.adapter.web.filter.RequestLimitsWebFilter;
import dev.momentum.auth.adapter.web.security.SessionCookieCodec;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.UnredirectableResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizeUseCase;
import dev.momentum.auth.application.oauth.port.in.OAuthTermsQuery;
import dev.momentum.auth.domain.token.BearerToken;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.reactivestreams.Publisher;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * better-auth oauth-provider's sign-in hook: a frontend built on its {@code oauthProviderClient}
 * adds the signed authorization request it was opened with ({@code oauth_query}) to every request
 * of its sign-in page. When such a request signs the user in (a password, a second factor, a
 * passkey, a sign-up), the answer is the authorization's continuation, {@code {redirect: true, url}}:
 * the consent page, or the client with its code. An altered or expired {@code oauth_query} is 400
 * {@code invalid_signature}, before the request does anything.
 */
public final class OAuthContinuationWebFilter implements WebFilter, Ordered {

    private static final String OAUTH2 = AuthApiSettings.BASE_PATH + "/oauth2/";

    private final AuthorizeUseCase authorize;
    private final SessionCookieCodec codec;
    private final SignedOAuthQuery signedQueries;
    private final AuthorizationRedirects redirects;
    private final JsonMapper json;

    public OAuthContinuationWebFilter(AuthorizeUseCase authorize, SessionCookieCodec codec, OAuthPages pages,
                                      OAuthTermsQuery terms, JsonMapper json) {
        this.authorize = authorize;
        this.codec = codec;
        this.signedQueries = new SignedOAuthQuery(codec, OAuthController.SIGNED_QUERY_LIFETIME);
        this.redirects = new AuthorizationRedirects(pages, signedQueries, terms.issuer());
        this.json = json;
    }

    @Override
    public int getOrder() {
        return FilterOrder.OAUTH_CONTINUATION;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (request.getMethod() != HttpMethod.POST || !path.startsWith(AuthApiSettings.BASE_PATH + "/")
                || path.startsWith(OAUTH2) || !MediaType.APPLICATION_JSON.isCompatibleWith(
                        request.getHeaders().getContentType())) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) RequestLimitsWebFilter.MAX_BODY_BYTES)
                .map(joined -> {
                    byte[] bytes = new byte[joined.readableByteCount()];
                    joined.read(bytes);
                    DataBufferUtils.release(joined);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> {
                    var replayed = exchange.mutate().request(new ServerHttpRequestDecorator(request) {
                        @Override
                        public Flux<DataBuffer> getBody() {
                            return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
                        }
                    });
                    Optional<String> oauthQuery = oauthQueryOf(bytes);
                    if (oauthQuery.isEmpty()) {
                        return chain.filter(replayed.build());
                    }
                    var signed = signedQueries.verify(oauthQuery.get(), Instant.now());
                    if (signed.isEmpty()) {
                        return write(exchange.getResponse(), HttpStatus.BAD_REQUEST, Map.of("error", "invalid_signature",
                                "code", "INVALID_SIGNATURE", "message", "oauth_query is altered or expired"));
                    }
                    return chain.filter(replayed.response(new Continuing(exchange.getResponse(), signed.get()))
                            .build());
                });
    }

    private Optional<String> oauthQueryOf(byte[] body) {
        try {
            JsonNode query = body.length == 0 ? null : json.readTree(body).get("oauth_query");
            return query != null && query.isString() ? Optional.of(query.asString()) : Optional.empty();
        } catch (JacksonException malformed) {
            return Optional.empty();
        }
    }

    private Mono<Void> write(ServerHttpResponse response, HttpStatus status, Map<String, Object> body) {
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setCacheControl("no-store");
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(body))));
    }

    /** The answer of a request that may sign the user in: replaced by the continuation once it does. */
    private final class Continuing extends ServerHttpResponseDecorator {

        private final SignedOAuthQuery.Verified signed;

        Continuing(ServerHttpResponse delegate, SignedOAuthQuery.Verified signed) {
            super(delegate);
            this.signed = signed;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            Optional<BearerToken> session = newSession();
            if (session.isEmpty()) {
                return super.writeWith(body);
            }
            Instant now = Instant.now();
            return Flux.from(body).doOnNext(DataBufferUtils::release).then(authorize.authorize(
                            OAuthController.requestOf(signed.request()), session.get(), Optional.of(signed.issuedAt())))
                    .flatMap(outcome -> outcome instanceof UnredirectableResult refused
                            ? write(getDelegate(), HttpStatus.BAD_REQUEST, AuthorizationRedirects.refusalBody(refused))
                            : write(getDelegate(), HttpStatus.OK, OAuthController.redirectBody(
                                    redirects.urlOf(outcome, signed.request(), now))));
        }

        /** The session this answer starts: its cookie, as the sign-in set it. */
        private Optional<BearerToken> newSession() {
            ResponseCookie cookie = getCookies().getFirst(codec.sessionCookieName());
            return Optional.ofNullable(cookie).filter(set -> !set.getValue().isEmpty())
                    .flatMap(set -> codec.verify(URLDecoder.decode(set.getValue(), StandardCharsets.UTF_8)))
                    .map(BearerToken::new);
        }
    }
}
