package dev.momentum.auth.application.twofactor.port.in;

import dev.momentum.auth.application.session.port.in.SessionResult;
import java.util.Objects;
import java.util.Optional;

/**
 * The session after an accepted code.
 *
 * @param started       the session is new (a completed sign-in, or the rotation that enabling a factor makes)
 * @param trustedDevice the token of the browser the user chose to trust
 */
public record SecondStepResult(SessionResult session, boolean started, Optional<String> trustedDevice) {

    public SecondStepResult {
        Objects.requireNonNull(session, "session cannot be null");
        Objects.requireNonNull(trustedDevice, "trustedDevice cannot be null");
    }

    @Override
    public String toString() {
        return "SecondStepResult[" + session + ", started=" + started + "]";
    }
}
