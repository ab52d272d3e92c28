package dev.momentum.auth.adapter.web.filter;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id, returned in {@code X-Request-Id} and written with the log lines of
 * the request (ADR-0031). A proxy's id is kept when it is short and plain, so one id follows the
 * request through both; anything else is replaced, so a client cannot put arbitrary text in logs.
 * A new id is this instance's random prefix and a counter: unique without a call to the secure
 * random source per request, which cost a third of the throughput of {@code /api/auth/ok}.
 */
public final class RequestIds implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** The exchange attribute, and the key of the log lines' context, that hold the id. */
    public static final String ATTRIBUTE = "requestId";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String instance;
    private final AtomicLong counter = new AtomicLong();

    /** @param randomIds a source of random ids; asked once, for the instance's prefix */
    public RequestIds(Supplier<String> randomIds) {
        this.instance = randomIds.get().substring(0, 12);
    }

    /** 16 bytes from the DRBG (ADR-0020), in hex: plain in any log. */
    public static String randomId() {
        try {
            byte[] bytes = new byte[16];
            SecureRandom.getInstance("DRBG").nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        } catch (NoSuchAlgorithmException unavailable) {
            throw new IllegalStateException("the JDK has no DRBG", unavailable);
        }
    }

    @Override
    public int getOrder() {
        return FilterOrder.REQUEST_IDS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = idFor(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange);
    }

    public static String of(ServerWebExchange exchange) {
        return exchange.getAttributeOrDefault(ATTRIBUTE, "");
    }

    /** The caller's id when plain, else a new one from the service's own generator. */
    String idFor(String presented) {
        return presented != null && PLAIN.matcher(presented).matches() ? presented
                : instance + "-" + Long.toString(counter.incrementAndGet(), Character.MAX_RADIX);
    }
}
