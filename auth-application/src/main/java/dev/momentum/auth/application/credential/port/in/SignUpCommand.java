package dev.momentum.auth.application.credential.port.in;

import static dev.momentum.auth.application.error.FailureDetail.Defect.MALFORMED;
import static dev.momentum.auth.application.error.FailureDetail.Defect.MISSING;

import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.support.InputErrors;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.UserProfile;
import java.util.Objects;

/**
 * A request for an account. The password is checked against the deployer's policy by the use case.
 *
 * @param callbackURL (nullable) has been checked by the caller to be trusted or relative
 */
public record SignUpCommand(UserProfile profile, EmailAddress email, String password, String callbackURL,
                            ClientInfo client) {

    public SignUpCommand {
        Objects.requireNonNull(profile, "profile cannot be null");
        Objects.requireNonNull(email, "email cannot be null");
        Objects.requireNonNull(password, "password cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
    }

    /** Reads the fields as better-auth's sign-up schema does: VALIDATION_ERROR names the first it refuses. */
    public static SignUpCommand of(String name, String email, String password, String image, String callbackURL,
                                   ClientInfo client) {
        EmailAddress address = InputErrors.emailIn("email", email);
        UserProfile.problemWith(name, image).ifPresent(field -> {
            throw AuthException.invalid(field, MALFORMED);
        });
        if (password == null) {
            throw AuthException.invalid("password", MISSING);
        }
        return new SignUpCommand(new UserProfile(name, image), address, password, callbackURL, client);
    }

    @Override
    public String toString() {
        return "SignUpCommand[email=" + email + ", password hidden]";
    }
}
