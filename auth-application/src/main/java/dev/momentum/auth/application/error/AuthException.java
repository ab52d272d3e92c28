package dev.momentum.auth.application.error;

import java.util.Objects;

/** Carries an {@link AuthError} through a reactive pipeline; no stack trace, it is not a bug. */
public final class AuthException extends RuntimeException {

    private final AuthError error;

    public AuthException(AuthError error) {
        this(error, error.message());
    }

    public AuthException(AuthError error, String message) {
        super(message, null, false, false);
        this.error = Objects.requireNonNull(error, "error cannot be null");
    }

    public AuthError error() {
        return error;
    }
}
