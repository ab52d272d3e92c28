package dev.momentum.auth.application.service;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.domain.credential.PasswordPolicy.Violation;
import java.util.Optional;
import reactor.core.publisher.Mono;

final class PasswordViolations {

    private PasswordViolations() {
    }

    static Mono<Void> reject(Optional<Violation> violation) {
        return violation.<Mono<Void>>map(v -> Mono.error(new AuthException(switch (v) {
            case TOO_SHORT -> AuthError.PASSWORD_TOO_SHORT;
            case TOO_LONG -> AuthError.PASSWORD_TOO_LONG;
        }))).orElseGet(Mono::empty);
    }
}
