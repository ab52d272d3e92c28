package dev.momentum.auth.application.credential.port.in;

import static dev.momentum.auth.application.error.FailureDetail.Defect.MISSING;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.domain.token.LinkToken;
import java.util.Objects;

/** A new password for the holder of a reset link; the use case checks it against the deployer's policy. */
public record ResetPasswordCommand(LinkToken token, String newPassword) {

    public ResetPasswordCommand {
        Objects.requireNonNull(token, "token cannot be null");
        Objects.requireNonNull(newPassword, "newPassword cannot be null");
    }

    /** As better-auth: INVALID_TOKEN without a token, before the password is looked at. */
    public static ResetPasswordCommand of(String token, String newPassword) {
        LinkToken link = LinkToken.parse(token).orElseThrow(() -> new AuthException(AuthError.INVALID_TOKEN));
        if (newPassword == null) {
            throw AuthException.invalid("newPassword", MISSING);
        }
        return new ResetPasswordCommand(link, newPassword);
    }

    @Override
    public String toString() {
        return "ResetPasswordCommand[token and password hidden]";
    }
}
