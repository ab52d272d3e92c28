package dev.momentum.auth.adapter.web.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.testing.LoopbackCertificate;
import dev.momentum.auth.domain.oauth.ClientMetadataDocument;
import dev.momentum.auth.domain.oauth.RemoteDocument;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

/**
 * The fetcher of client metadata documents against a real HTTPS server on loopback: what it reads,
 * and the SSRF and abuse cases it refuses (ADR-0053).
 */
class ClientDocumentFetcherTest {

    @TempDir
    static Path directory;
    static HttpsServer server;
    static String origin;
    static LoopbackCertificate certificate;
    static final List<String> requests = new CopyOnWriteArrayList<>();

    /** A client's key pair, published whole by mistake: only its public half may be kept. */
    static final ECKey CLIENT_KEY = generated();

    private static ECKey generated() {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID("client-key-1").generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Allowed to reach the test server on 127.0.0.1, and trusting its certificate. */
    static ClientDocumentFetcher allowedToLoopback;

    @BeforeAll
    static void server() throws Exception {
        certificate = LoopbackCertificate.createIn(directory);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
        server.setExecutor(Executors.newCachedThreadPool());
        origin = "https://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", ClientDocumentFetcherTest::answer);
        server.start();
        allowedToLoopback = new ClientDocumentFetcher(List.of("127.0.0.1"),
                SslContextBuilder.forClient().trustManager(certificate.certificate()).build());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path + " " + exchange.getRequestHeaders().getFirst("If-None-Match"));
        var headers = exchange.getResponseHeaders();
        switch (path) {
            case "/client.json" -> {
                if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    headers.set("Cache-Control", "max-age=300");
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                headers.set("Content-Type", "application/json; charset=utf-8");
                headers.set("Cache-Control", "public, max-age=600");
                headers.set("Age", "100");
                headers.set("ETag", "\"v1\"");
                send(exchange, 200, """
                        {"client_id": "%s/client.json", "client_name": "Claude", "redirect_uris":
                         ["http://127.0.0.1:33418/callback"], "token_endpoint_auth_method": "none",
                         "logo_uri": "https://claude.ai/logo.png", "software_id": "ignored"}""".formatted(origin));
            }
            case "/jwks.json" -> {
                headers.set("Content-Type", "application/json");
                headers.set("Cache-Control", "max-age=86400");
                send(exchange, 200, "{\"keys\": [" + CLIENT_KEY.toJSONString() + "]}");
            }
            case "/redirect" -> {
                headers.set("Location", "/client.json");
                exchange.sendResponseHeaders(302, -1);
            }
            case "/large" -> {
                headers.set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(("{\"client_name\": \"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8));
                } catch (IOException closedByTheFetcher) {
                    // the fetcher stops reading at its limit
                }
            }
            case "/slow" -> {
                try {
                    Thread.sleep(8_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            case "/page" -> {
                headers.set("Content-Type", "text/html");
                send(exchange, 200, "<html></html>");
            }
            default -> send(exchange, 404, "");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static RemoteDocument<ClientMetadataDocument> fetch(ClientDocumentFetcher fetcher, String url, String etag) {
        return fetcher.metadataDocument(URI.create(url), Optional.ofNullable(etag)).block(Duration.ofSeconds(30));
    }

    static String refusal(ClientDocumentFetcher fetcher, String url) {
        return fetcher.metadataDocument(URI.create(url), Optional.empty())
                .map(fetched -> "fetched")
                .onErrorResume(OAuthException.class, refused -> Mono.just(refused.code().wireName() + ": "
                        + refused.description()))
                .block(Duration.ofSeconds(30));
    }

    @Test
    void metadataDocumentWhenServedThenItsFieldsAndHowLongItStaysFreshAndThenRevalidatedByItsEntityTag() {
        var fetched = fetch(allowedToLoopback, origin + "/client.json", null);

        ClientMetadataDocument document = fetched.content().orElseThrow();
        assertThat(document.clientId()).isEqualTo(origin + "/client.json");
        assertThat(document.members()).contains("software_id", "client_name");
        assertThat(document.metadata().clientName()).isEqualTo("Claude");
        assertThat(document.metadata().redirectUris()).containsExactly("http://127.0.0.1:33418/callback");
        assertThat(document.metadata().logoUri()).isEqualTo("https://claude.ai/logo.png");
        assertThat(fetched.freshFor()).as("max-age less the Age").isEqualTo(Duration.ofSeconds(500));
        assertThat(fetched.etag()).contains("\"v1\"");

        var revalidated = fetch(allowedToLoopback, origin + "/client.json", "\"v1\"");
        assertThat(revalidated.content()).isEmpty();
        assertThat(revalidated.freshFor()).isEqualTo(Duration.ofSeconds(300));
        assertThat(revalidated.etag()).contains("\"v1\"");
    }

    @Test
    void jwksWhenPublishedThenItsPublicKeysOnlyKeptForFiveMinutesAtMost() throws Exception {
        requests.clear();

        String jwks = allowedToLoopback.jwks(URI.create(origin + "/jwks.json")).block(Duration.ofSeconds(30));
        String again = allowedToLoopback.jwks(URI.create(origin + "/jwks.json")).block(Duration.ofSeconds(30));

        var keys = JWKSet.parse(jwks);
        assertThat(keys.getKeyByKeyId("client-key-1")).isEqualTo(CLIENT_KEY.toPublicJWK());
        assertThat(keys.getKeys()).noneMatch(JWK::isPrivate);
        assertThat(again).isEqualTo(jwks);
        assertThat(requests).as("the second time from this replica's copy").containsExactly("/jwks.json null");
        assertThat(refusalOfKeys(origin + "/client.json")).isEqualTo("invalid_client: the client's JWK set does not parse");
    }

    static String refusalOfKeys(String url) {
        return allowedToLoopback.jwks(URI.create(url))
                .onErrorResume(OAuthException.class, refused -> Mono.just(refused.code().wireName() + ": "
                        + refused.description()))
                .block(Duration.ofSeconds(30));
    }

    @Test
    void metadataDocumentWhenTheServerMisbehavesThenInvalidClientSayingWhy() {
        assertThat(refusal(allowedToLoopback, origin + "/redirect"))
                .isEqualTo("invalid_client: the document's server answered with a redirect, which is not followed");
        assertThat(refusal(allowedToLoopback, origin + "/large"))
                .isEqualTo("invalid_client: the document is larger than 5 KiB");
        assertThat(refusal(allowedToLoopback, origin + "/slow"))
                .isEqualTo("invalid_client: the document's server did not answer within 5 seconds");
        assertThat(refusal(allowedToLoopback, origin + "/page"))
                .isEqualTo("invalid_client: the document is not application/json");
        assertThat(refusal(allowedToLoopback, origin + "/missing"))
                .isEqualTo("invalid_client: the document's server answered HTTP 404");
        assertThat(requests).as("the redirect was not followed").doesNotContain("/client.json null")
                .filteredOn(request -> request.startsWith("/redirect")).hasSize(1);
    }

    @Test
    void metadataDocumentWhenTheHostIsNotPublicThenRefusedBeforeAnyConnection() throws Exception {
        var publicOnly = new ClientDocumentFetcher(List.of(),
                SslContextBuilder.forClient().trustManager(certificate.certificate()).build());
        int port = server.getAddress().getPort();
        requests.clear();

        for (String url : List.of(origin + "/client.json", "https://localhost:" + port + "/client.json",
                "https://[::1]:" + port + "/client.json", "https://[::ffff:127.0.0.1]:" + port + "/client.json",
                "https://127.0.0.2:" + port + "/client.json", "https://0.0.0.0:" + port + "/client.json",
                "https://10.0.0.1/client.json", "https://172.16.0.1/client.json", "https://192.168.1.1/client.json",
                "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/client.json",
                "https://[fd00::1]/client.json", "https://[fe80::1]/client.json")) {
            assertThat(refusal(publicOnly, url)).as(url)
                    .isEqualTo("invalid_client: the document's host is not a public address");
        }
        assertThat(requests).as("no request reached the server").isEmpty();
    }

    @Test
    void metadataDocumentWhenTheCertificateIsNotTrustedThenRefused() {
        var trustingThePublicAuthoritiesOnly = new ClientDocumentFetcher(List.of("127.0.0.1/32"));

        assertThat(refusal(trustingThePublicAuthoritiesOnly, origin + "/client.json"))
                .isEqualTo("invalid_client: the document's server is not trusted for https");
    }

    @Test
    void publicAddressesAreTheOnesNotSetAsideForPrivateOrSpecialUse() throws Exception {
        for (String address : List.of("8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "151.101.1.69")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.31.255.255", "192.168.0.1", "169.254.169.254",
                "100.100.100.200", "0.0.0.0", "255.255.255.255", "224.0.0.1", "198.18.0.1", "::1", "::", "fc00::1",
                "fe80::1", "64:ff9b::a00:1", "2002:a00:1::", "2001:db8::1")) {
            assertThat(PublicAddresses.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        assertThat(new PublicAddresses(List.of("10.1.0.0/16")).permits(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(new PublicAddresses(List.of("10.1.0.0/16")).permits(InetAddress.getByName("10.2.0.1"))).isFalse();
    }

    @Test
    void freshnessFollowsHttpCaching() {
        assertThat(ClientDocumentFetcher.freshness(headers("Cache-Control", "no-store, max-age=600")))
                .isEqualTo(Duration.ZERO);
        assertThat(ClientDocumentFetcher.freshness(headers("Cache-Control", "max-age=600, s-maxage=60")))
                .isEqualTo(Duration.ofSeconds(60));
        assertThat(ClientDocumentFetcher.freshness(headers("Date", "Mon, 07 Dec 2026 10:00:00 GMT",
                "Expires", "Mon, 07 Dec 2026 10:30:00 GMT"))).isEqualTo(Duration.ofMinutes(30));
        assertThat(ClientDocumentFetcher.freshness(headers("Expires", "0"))).isEqualTo(Duration.ZERO);
        assertThat(ClientDocumentFetcher.freshness(headers())).isEqualTo(ClientDocumentFetcher.UNSTATED_FRESHNESS);
    }

    private static DefaultHttpHeaders headers(String... namesAndValues) {
        var headers = new DefaultHttpHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
