package dev.momentum.auth.application.error;

/**
 * Every failure a use case answers on purpose, as one sealed type: a driving adapter maps each
 * kind with a switch that the compiler checks for exhaustiveness, so a new kind cannot go unmapped.
 * Anything else that escapes a use case is a bug.
 */
public abstract sealed class AuthFailure extends RuntimeException
        permits AuthException, OAuthException, RateLimitedException, StorageUnavailableException,
        HashingOverloadedException {

    /** An expected failure: no stack trace, it is not a bug. */
    protected AuthFailure(String message) {
        super(message, null, false, false);
    }

    /** A failure of something the use case depends on, with what caused it. */
    protected AuthFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
