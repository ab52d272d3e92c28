package dev.momentum.auth.application.service;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import java.util.function.Predicate;

final class AuthErrors {

    private AuthErrors() {
    }

    static Predicate<Throwable> is(AuthError expected) {
        return error -> error instanceof AuthException auth && auth.error() == expected;
    }
}
