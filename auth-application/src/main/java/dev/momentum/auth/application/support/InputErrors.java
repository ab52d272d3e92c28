package dev.momentum.auth.application.support;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.domain.credential.PasswordPolicy.Violation;
import dev.momentum.auth.domain.user.EmailAddress;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The errors a command or a use case answers for input it cannot accept. */
public final class InputErrors {

    private InputErrors() {
    }

    /** The address a request field holds, or better-auth's VALIDATION_ERROR naming the field. */
    public static EmailAddress emailIn(String field, String raw) {
        return EmailAddress.parse(raw).orElseThrow(() -> AuthException.invalid(field, Defect.NOT_AN_EMAIL_ADDRESS));
    }

    public static Mono<Void> reject(Optional<Violation> violation) {
        return violation.<Mono<Void>>map(v -> Mono.error(new AuthException(switch (v) {
            case TOO_SHORT -> AuthError.PASSWORD_TOO_SHORT;
            case TOO_LONG -> AuthError.PASSWORD_TOO_LONG;
            case COMMON -> AuthError.PASSWORD_COMPROMISED;
        }))).orElseGet(Mono::empty);
    }
}
