package dev.momentum.auth.application.error;

import java.time.Duration;
import java.util.Objects;

/** A client or an account spent its budget of requests; it may try again after {@link #retryAfter()}. */
public final class RateLimitedException extends AuthFailure {

    public static final String CODE = "TOO_MANY_REQUESTS";

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("Too many requests. Please try again later.");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter cannot be null");
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up and at least one, as Retry-After headers carry them. */
    public long retryAfterSeconds() {
        long whole = retryAfter.toSeconds();
        return Math.max(1, retryAfter.getNano() == 0 ? whole : whole + 1);
    }
}
