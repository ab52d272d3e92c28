package dev.momentum.auth.application.support;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.domain.credential.PasswordPolicy.Violation;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The errors a use case answers for input it cannot accept. */
public final class InputErrors {

    private InputErrors() {
    }

    /** better-auth validates sign-up and verification requests with zod, which words it this way. */
    public static AuthException invalidEmailField() {
        return new AuthException(AuthError.VALIDATION_ERROR, "[body.email] Invalid email address");
    }

    public static Mono<Void> reject(Optional<Violation> violation) {
        return violation.<Mono<Void>>map(v -> Mono.error(new AuthException(switch (v) {
            case TOO_SHORT -> AuthError.PASSWORD_TOO_SHORT;
            case TOO_LONG -> AuthError.PASSWORD_TOO_LONG;
            case COMMON -> AuthError.PASSWORD_COMPROMISED;
        }))).orElseGet(Mono::empty);
    }
}
