package dev.momentum.auth.application.verification.port.in;

import static dev.momentum.auth.application.error.FailureDetail.Defect.NOT_AN_EMAIL_ADDRESS;

import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.user.EmailAddress;
import java.util.Objects;

/** {@code callbackURL} and {@code sessionToken} are nullable. */
public record SendVerificationEmailCommand(EmailAddress email, String callbackURL, BearerToken sessionToken) {

    public SendVerificationEmailCommand {
        Objects.requireNonNull(email, "email cannot be null");
    }

    public static SendVerificationEmailCommand of(String email, String callbackURL, BearerToken sessionToken) {
        return new SendVerificationEmailCommand(EmailAddress.parse(email)
                .orElseThrow(() -> AuthException.invalid("email", NOT_AN_EMAIL_ADDRESS)), callbackURL, sessionToken);
    }
}
