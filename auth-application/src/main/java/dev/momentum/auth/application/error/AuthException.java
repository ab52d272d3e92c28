package dev.momentum.auth.application.error;

import java.util.Objects;
import java.util.Optional;

/** Carries an {@link AuthError} through a reactive pipeline; no stack trace, it is not a bug. */
public final class AuthException extends AuthFailure {

    private final AuthError error;
    private final String detail;

    public AuthException(AuthError error) {
        this(error, null);
    }

    /** @param detail what exactly was wrong, worded for the client (which field, which rule); null: the code says it all */
    public AuthException(AuthError error, String detail) {
        super(detail == null ? Objects.requireNonNull(error, "error cannot be null").code() : detail);
        this.error = error;
        this.detail = detail;
    }

    public AuthError error() {
        return error;
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }
}
