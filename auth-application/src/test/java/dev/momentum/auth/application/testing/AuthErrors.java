package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import java.util.function.Predicate;

public final class AuthErrors {

    private AuthErrors() {
    }

    public static Predicate<Throwable> is(AuthError expected) {
        return error -> error instanceof AuthException auth && auth.error() == expected;
    }
}
