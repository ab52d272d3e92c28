package dev.momentum.auth.application.account.port.in;

import dev.momentum.auth.application.support.InputErrors;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.user.EmailAddress;
import java.util.Objects;

/**
 * A request to move the caller's account to another address.
 *
 * @param sessionToken the caller's session token, or null (then UNAUTHORIZED)
 * @param callbackURL where the link leads after the change, already checked by the caller; nullable
 */
public record ChangeEmailCommand(BearerToken sessionToken, EmailAddress newEmail, String callbackURL) {

    public ChangeEmailCommand {
        Objects.requireNonNull(newEmail, "newEmail cannot be null");
    }

    /** Reads the address as better-auth's zod schema does: VALIDATION_ERROR when it is not one. */
    public static ChangeEmailCommand of(BearerToken sessionToken, String newEmail, String callbackURL) {
        return new ChangeEmailCommand(sessionToken, InputErrors.emailIn("newEmail", newEmail), callbackURL);
    }
}
