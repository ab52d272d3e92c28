package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.application.error.FailureDetail.InvalidField;
import java.util.Optional;
import java.util.function.Predicate;

public final class AuthErrors {

    private AuthErrors() {
    }

    public static Predicate<Throwable> is(AuthError expected) {
        return error -> error instanceof AuthException auth && auth.error() == expected;
    }

    /** VALIDATION_ERROR naming the field and what is wrong with it. */
    public static Predicate<Throwable> invalid(String field, Defect defect) {
        return error -> error instanceof AuthException auth && auth.error() == AuthError.VALIDATION_ERROR
                && auth.detail().equals(Optional.of(new InvalidField(field, defect)));
    }
}
