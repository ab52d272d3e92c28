package dev.momentum.auth.application.verification.port.in;

import dev.momentum.auth.application.support.InputErrors;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.user.EmailAddress;
import java.util.Objects;

/** {@code callbackURL} and {@code sessionToken} are nullable. */
public record SendVerificationEmailCommand(EmailAddress email, String callbackURL, BearerToken sessionToken) {

    public SendVerificationEmailCommand {
        Objects.requireNonNull(email, "email cannot be null");
    }

    public static SendVerificationEmailCommand of(String email, String callbackURL, BearerToken sessionToken) {
        return new SendVerificationEmailCommand(InputErrors.emailIn("email", email), callbackURL, sessionToken);
    }
}
