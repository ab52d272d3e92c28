package dev.momentum.auth.application.admin.port.in;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.application.error.FailureDetail.InvalidField;
import java.util.Objects;

/** @param reason what the administrator noted, shown to other administrators; nullable */
public record DisableUserCommand(UserActionCommand action, String reason) {

    public static final int MAX_REASON_LENGTH = 200;

    public DisableUserCommand {
        Objects.requireNonNull(action, "action cannot be null");
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            throw new AuthException(AuthError.VALIDATION_ERROR,
                    new InvalidField("reason", Defect.TOO_LONG, MAX_REASON_LENGTH));
        }
    }
}
