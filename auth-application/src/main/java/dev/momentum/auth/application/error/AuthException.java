package dev.momentum.auth.application.error;

import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.application.error.FailureDetail.InvalidField;
import java.util.Objects;
import java.util.Optional;

/** Carries an {@link AuthError} through a reactive pipeline; no stack trace, it is not a bug. */
public final class AuthException extends AuthFailure {

    private final AuthError error;
    private final FailureDetail detail;

    public AuthException(AuthError error) {
        this(error, null);
    }

    /** @param detail what exactly was wrong (which field, which rule); null: the code says it all */
    public AuthException(AuthError error, FailureDetail detail) {
        super(detail == null ? Objects.requireNonNull(error, "error cannot be null").code() : error.code() + " " + detail);
        this.error = error;
        this.detail = detail;
    }

    /** VALIDATION_ERROR for one field of the request. */
    public static AuthException invalid(String field, Defect defect) {
        return new AuthException(AuthError.VALIDATION_ERROR, new InvalidField(field, defect));
    }

    public AuthError error() {
        return error;
    }

    public Optional<FailureDetail> detail() {
        return Optional.ofNullable(detail);
    }
}
