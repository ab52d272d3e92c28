package dev.momentum.auth.application.credential.port.in;

import java.util.Objects;

/** {@code redirectTo} (nullable) has been checked by the caller to be trusted or relative. */
public record RequestPasswordResetCommand(String email, String redirectTo) {

    public RequestPasswordResetCommand {
        Objects.requireNonNull(email, "email cannot be null");
    }
}
