package dev.momentum.auth.bootstrap.system;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real HTTP server on loopback that answers {@code POST /emails} as Resend does, or 503 while
 * it is "down", after {@link #delayMillis} when it is slow. It records every attempt and every accepted mail, and does not deduplicate, so a
 * mail the service sends twice shows up twice.
 */
final class ResendStandIn implements AutoCloseable {

    record Accepted(String to, String idempotencyKey, String text, long receivedAtNanos) {
    }

    final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    final List<String> attempts = new CopyOnWriteArrayList<>();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicLong delayMillis = new AtomicLong();
    private final HttpServer server;

    ResendStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/emails", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            attempts.add(key);
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean accept = !down.get();
            if (accept) {
                List<String> to = JsonPath.read(body, "$.to");
                accepted.add(new Accepted(to.getFirst(), key, JsonPath.read(body, "$.text"), System.nanoTime()));
            }
            byte[] answer = (accept ? "{\"id\":\"" + key + "\"}"
                    : "{\"name\":\"internal_server_error\",\"message\":\"down for the test\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(accept ? 200 : 503, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Accepted> acceptedFor(String address) {
        return accepted.stream().filter(mail -> mail.to().equals(address)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
