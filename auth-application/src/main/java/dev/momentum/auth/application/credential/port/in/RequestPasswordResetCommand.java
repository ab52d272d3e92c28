package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.application.support.InputErrors;
import dev.momentum.auth.domain.user.EmailAddress;
import java.util.Objects;

/** @param redirectTo (nullable) has been checked by the caller to be trusted or relative */
public record RequestPasswordResetCommand(EmailAddress email, String redirectTo) {

    public RequestPasswordResetCommand {
        Objects.requireNonNull(email, "email cannot be null");
    }

    public static RequestPasswordResetCommand of(String email, String redirectTo) {
        return new RequestPasswordResetCommand(InputErrors.emailIn("email", email), redirectTo);
    }
}
