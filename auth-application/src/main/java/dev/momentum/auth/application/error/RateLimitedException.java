package dev.momentum.auth.application.error;

import java.time.Duration;
import java.util.Objects;

/**
 * A client or an account spent its budget of requests, or a second factor is locked after wrong
 * codes; it may try again after {@link #retryAfter()}.
 */
public final class RateLimitedException extends AuthFailure {

    public static final String CODE = "TOO_MANY_REQUESTS";
    /** better-auth's twoFactor plugin's code of a lock after repeated wrong codes. */
    public static final String LOCKED_CODE = "ACCOUNT_TEMPORARILY_LOCKED";

    private final Duration retryAfter;
    private final String code;

    public RateLimitedException(Duration retryAfter) {
        this(retryAfter, CODE, "Too many requests. Please try again later.");
    }

    private RateLimitedException(Duration retryAfter, String code, String message) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter cannot be null");
        this.code = code;
    }

    public static RateLimitedException secondFactorLocked(Duration retryAfter) {
        return new RateLimitedException(retryAfter, LOCKED_CODE, "Too many failed verification attempts. "
                + "Your account is temporarily locked. Please try again later.");
    }

    public String code() {
        return code;
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
