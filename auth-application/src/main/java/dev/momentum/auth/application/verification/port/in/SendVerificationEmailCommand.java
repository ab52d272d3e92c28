package dev.momentum.auth.application.verification.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import java.util.Objects;

/** {@code callbackURL} and {@code sessionToken} are nullable. */
public record SendVerificationEmailCommand(String email, String callbackURL, BearerToken sessionToken) {

    public SendVerificationEmailCommand {
        Objects.requireNonNull(email, "email cannot be null");
    }
}
