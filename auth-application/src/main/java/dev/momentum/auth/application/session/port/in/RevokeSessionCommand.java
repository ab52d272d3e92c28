package dev.momentum.auth.application.session.port.in;

import static dev.momentum.auth.application.error.FailureDetail.Defect.MISSING;
import static dev.momentum.auth.application.error.FailureDetail.Defect.NOT_A_TOKEN;

import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.domain.token.BearerToken;

/**
 * @param callerToken the caller's session token, or null (then UNAUTHORIZED)
 * @param target the session to end, named by its token or by the handle list-sessions gave for it
 */
public record RevokeSessionCommand(BearerToken callerToken, String target) {

    public RevokeSessionCommand {
        if (target == null) {
            throw AuthException.invalid("token", MISSING);
        }
        if (target.isBlank()) {
            throw AuthException.invalid("token", NOT_A_TOKEN);
        }
    }

    @Override
    public String toString() {
        return "RevokeSessionCommand[tokens hidden]";
    }
}
