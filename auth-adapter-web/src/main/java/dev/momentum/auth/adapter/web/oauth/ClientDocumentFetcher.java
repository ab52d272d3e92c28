package dev.momentum.auth.adapter.web.oauth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.out.ClientDocuments;
import dev.momentum.auth.domain.oauth.ClientMetadataDocument;
import dev.momentum.auth.domain.oauth.RemoteDocument;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.netty.transport.NameResolverProvider;

/**
 * Fetches the documents clients publish at their URLs (ADR-0053), metadata documents and JWK sets,
 * as better-auth's {@code cimd}
 * plugin does: HTTPS only, from public addresses only (checked when the connection resolves the
 * name), no redirect followed, JSON of at most 5 KiB within 5 seconds, each fetch on its own
 * connection. The answer's {@code Cache-Control}, {@code Expires} and {@code ETag} say how long it may be kept.
 */
public final class ClientDocumentFetcher implements ClientDocuments {

    static final int LARGEST_DOCUMENT = 5 * 1024;
    static final Duration TIME_LIMIT = Duration.ofSeconds(5);
    /** How long a document whose server says nothing of it is kept: what the service keeps any copy at most. */
    static final Duration UNSTATED_FRESHNESS = Duration.ofHours(1);

    private static final Pattern JSON_TYPE = Pattern.compile("application/(?:[-\\w.]+\\+)?json\\s*(?:;.*)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DIRECTIVE = Pattern.compile("(?:^|,)\\s*([a-z-]+)\\s*(?:=\\s*\"?(\\d+)\"?)?",
            Pattern.CASE_INSENSITIVE);

    /** How long a client's keys are used before they are fetched again, so that a rotation takes effect soon. */
    static final Duration LONGEST_KEY_FRESHNESS = Duration.ofMinutes(5);
    private static final int MOST_KEY_SETS_KEPT = 1000;

    private final HttpClient http;
    private final Map<URI, KeptKeys> keys = new ConcurrentHashMap<>();

    /** @param allowedNetworks {@code OAUTH_FETCH_ALLOWED_NETWORKS}: networks allowed although not public */
    public ClientDocumentFetcher(List<String> allowedNetworks) {
        this(allowedNetworks, defaultTls());
    }

    ClientDocumentFetcher(List<String> allowedNetworks, SslContext tls) {
        var names = NameResolverProvider.builder().build()
                .newNameResolverGroup(HttpResources.get(), LoopResources.DEFAULT_NATIVE);
        this.http = HttpClient.create(ConnectionProvider.newConnection())
                .resolver(new PublicAddresses(allowedNetworks).guarding(names))
                .secure(spec -> spec.sslContext(tls))
                .followRedirect(false)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIME_LIMIT.toMillis())
                .responseTimeout(TIME_LIMIT)
                .headers(headers -> headers.set(HttpHeaderNames.ACCEPT, "application/json")
                        .set(HttpHeaderNames.USER_AGENT, "auth-service client-metadata-fetcher"));
    }

    private static SslContext defaultTls() {
        try {
            return SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("no TLS client context", e);
        }
    }

    @Override
    public Mono<RemoteDocument<ClientMetadataDocument>> metadataDocument(URI url, Optional<String> etag) {
        return fetch(url, etag).map(fetched -> new RemoteDocument<>(fetched.body().map(ClientDocumentFetcher::parsed),
                fetched.freshFor(), fetched.etag()));
    }

    /** Kept as HTTP caching allows, at most five minutes; this replica's copy alone, since keys are public. */
    @Override
    public Mono<String> jwks(URI url) {
        Instant now = Instant.now();
        KeptKeys kept = keys.get(url);
        if (kept != null && now.isBefore(kept.freshUntil())) {
            return Mono.just(kept.jwks());
        }
        return fetch(url, Optional.empty()).map(fetched -> {
            String jwks = publicKeys(fetched.body().orElseThrow());
            Duration freshFor = fetched.freshFor().compareTo(LONGEST_KEY_FRESHNESS) > 0 ? LONGEST_KEY_FRESHNESS
                    : fetched.freshFor();
            if (keys.size() >= MOST_KEY_SETS_KEPT) {
                keys.clear();
            }
            keys.put(url, new KeptKeys(jwks, now.plus(freshFor)));
            return jwks;
        });
    }

    private static String publicKeys(String json) {
        try {
            JWKSet set = JWKSet.parse(json);
            if (set.getKeys().isEmpty()) {
                throw refused("the client's JWK set has no keys");
            }
            return set.toString(true);
        } catch (java.text.ParseException malformed) {
            throw refused("the client's JWK set does not parse");
        }
    }

    private record KeptKeys(String jwks, Instant freshUntil) {
    }

    private static ClientMetadataDocument parsed(String json) {
        Map<String, Object> members;
        try {
            members = JSONObjectUtils.parse(json);
        } catch (java.text.ParseException malformed) {
            throw refused("the metadata document is not a JSON object");
        }
        if (!(members.get("client_id") instanceof String clientId)) {
            throw refused("the metadata document has no client_id");
        }
        try {
            return new ClientMetadataDocument(clientId, members.keySet(), ClientMetadataJson.read(members));
        } catch (OAuthException invalid) {
            throw refused("the metadata document: " + invalid.description());
        }
    }

    /** A URL's JSON, or empty when the server says the copy our entity tag names is current. */
    private Mono<Fetched> fetch(URI url, Optional<String> etag) {
        return http.headers(headers -> etag.ifPresent(tag -> headers.set(HttpHeaderNames.IF_NONE_MATCH, tag)))
                .get().uri(url)
                .response((response, body) -> answer(response, body, etag))
                .single()
                .timeout(TIME_LIMIT)
                .onErrorMap(failure -> !(failure instanceof OAuthException), ClientDocumentFetcher::explained);
    }

    private static Mono<Fetched> answer(HttpClientResponse response, ByteBufFlux body, Optional<String> etag) {
        HttpHeaders headers = response.responseHeaders();
        int status = response.status().code();
        if (status == 304 && etag.isPresent()) {
            return Mono.just(new Fetched(Optional.empty(), freshness(headers), etag(headers).or(() -> etag)));
        }
        if (status / 100 == 3) {
            return Mono.error(refused("the document's server answered with a redirect, which is not followed"));
        }
        if (status != 200) {
            return Mono.error(refused("the document's server answered HTTP " + status));
        }
        String type = headers.get(HttpHeaderNames.CONTENT_TYPE, "");
        if (!JSON_TYPE.matcher(type).matches()) {
            return Mono.error(refused("the document is not application/json"));
        }
        if (headers.getInt(HttpHeaderNames.CONTENT_LENGTH, 0) > LARGEST_DOCUMENT) {
            return Mono.error(tooLarge());
        }
        return body.asByteArray()
                .collect(ByteArrayOutputStream::new, (read, chunk) -> {
                    if (read.size() + chunk.length > LARGEST_DOCUMENT) {
                        throw tooLarge();
                    }
                    read.writeBytes(chunk);
                })
                .map(read -> new Fetched(Optional.of(read.toString(StandardCharsets.UTF_8)), freshness(headers),
                        etag(headers)));
    }

    /** RFC 9111 section 4.2.1: {@code s-maxage}, else {@code max-age}, else {@code Expires}, less the answer's age. */
    static Duration freshness(HttpHeaders headers) {
        String cacheControl = String.join(",", headers.getAll(HttpHeaderNames.CACHE_CONTROL)).toLowerCase(Locale.ROOT);
        OptionalLong maxAge = OptionalLong.empty();
        OptionalLong sharedMaxAge = OptionalLong.empty();
        Matcher directive = DIRECTIVE.matcher(cacheControl);
        while (directive.find()) {
            switch (directive.group(1)) {
                case "no-store", "no-cache", "private" -> {
                    return Duration.ZERO;
                }
                case "max-age" -> maxAge = seconds(directive.group(2));
                case "s-maxage" -> sharedMaxAge = seconds(directive.group(2));
                default -> { }
            }
        }
        long age = seconds(headers.get(HttpHeaderNames.AGE)).orElse(0);
        if (sharedMaxAge.isPresent() || maxAge.isPresent()) {
            return Duration.ofSeconds(Math.max(0, (sharedMaxAge.isPresent() ? sharedMaxAge : maxAge).getAsLong() - age));
        }
        Optional<ZonedDateTime> expires = httpDate(headers.get(HttpHeaderNames.EXPIRES));
        if (headers.contains(HttpHeaderNames.EXPIRES)) {
            ZonedDateTime date = httpDate(headers.get(HttpHeaderNames.DATE)).orElseGet(ZonedDateTime::now);
            return expires.map(until -> Duration.between(date, until).minusSeconds(age))
                    .filter(left -> !left.isNegative()).orElse(Duration.ZERO);
        }
        return UNSTATED_FRESHNESS;
    }

    private static OptionalLong seconds(String value) {
        try {
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException malformed) {
            return OptionalLong.of(0);
        }
    }

    private static Optional<ZonedDateTime> httpDate(String value) {
        try {
            return Optional.ofNullable(value).map(date -> ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> etag(HttpHeaders headers) {
        return Optional.ofNullable(headers.get(HttpHeaderNames.ETAG)).filter(tag -> tag.length() <= 512);
    }

    private static Throwable explained(Throwable failure) {
        if (causedBy(failure, PublicAddresses.RefusedAddressException.class)) {
            return refused("the document's host is not a public address");
        }
        if (causedBy(failure, UnknownHostException.class)) {
            return refused("the document's host is not known");
        }
        if (causedBy(failure, TimeoutException.class) || causedBy(failure, ReadTimeoutException.class)
                || causedBy(failure, ConnectTimeoutException.class)) {
            return refused("the document's server did not answer within " + TIME_LIMIT.toSeconds() + " seconds");
        }
        if (causedBy(failure, SSLException.class)) {
            return refused("the document's server is not trusted for https");
        }
        return refused("the document could not be fetched");
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static OAuthException tooLarge() {
        return refused("the document is larger than " + LARGEST_DOCUMENT / 1024 + " KiB");
    }

    private static OAuthException refused(String reason) {
        return new OAuthException(Code.INVALID_CLIENT, reason);
    }

    private record Fetched(Optional<String> body, Duration freshFor, Optional<String> etag) {
    }
}
