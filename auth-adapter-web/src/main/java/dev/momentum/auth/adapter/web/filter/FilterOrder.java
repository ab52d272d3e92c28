package dev.momentum.auth.adapter.web.filter;

import org.springframework.core.Ordered;

/**
 * The order of the web filters, first to last, in one place: each filter's {@code getOrder()}
 * answers its constant here, so a new filter is placed by reading this list, not eight files.
 */
public final class FilterOrder {

    /** Outermost: what it keeps is what the whole chain answered; it also runs in front of the chain. */
    public static final int PUBLIC_RESPONSES = Ordered.HIGHEST_PRECEDENCE;
    /** First of the chain, so that every answer carries the id, refusals included. */
    public static final int REQUEST_IDS = Ordered.HIGHEST_PRECEDENCE;
    /** Right after the request id, so that every refusal of a later filter is timed too. */
    public static final int HTTP_METRICS = Ordered.HIGHEST_PRECEDENCE + 1;
    /** Before Spring Security, as its own CORS support would be. */
    public static final int CORS = -150;
    /** Spring Security's chain, where WebFluxSecurityConfiguration puts it: cookies and tokens become the principal. */
    public static final int SPRING_SECURITY = -100;
    /** After CORS and Spring Security, so a browser can read a 429, and before the request limits. */
    public static final int RATE_LIMITS = SPRING_SECURITY + 10;
    /** Right after the rate limits, which resolve the client's address. */
    public static final int CLIENT_CONTEXT = RATE_LIMITS + 1;
    /** After CORS, so a browser can read the error. */
    public static final int REQUEST_LIMITS = -50;
    /** A state-changing request from an origin we do not trust is refused. */
    public static final int ORIGIN_CHECK = -40;
    /** Last, once every refusal is past: a sign-in that carries a signed authorization request continues it. */
    public static final int OAUTH_CONTINUATION = ORIGIN_CHECK + 1;

    private FilterOrder() {
    }
}
