package dev.momentum.auth.application.verification.port.in;

import java.util.Objects;

/** {@code callbackURL} and {@code sessionToken} are nullable. */
public record SendVerificationEmailCommand(String email, String callbackURL, String sessionToken) {

    public SendVerificationEmailCommand {
        Objects.requireNonNull(email, "email cannot be null");
    }
}
