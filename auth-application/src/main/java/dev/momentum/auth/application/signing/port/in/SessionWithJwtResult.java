package dev.momentum.auth.application.signing.port.in;

import dev.momentum.auth.application.session.port.in.SessionResult;
import java.util.Objects;
import java.util.Optional;

/**
 * A session with the JWT that states it (the {@code set-auth-jwt} header of get-session); none
 * for a session that can only enrol a second factor.
 */
public record SessionWithJwtResult(SessionResult session, Optional<String> jwt) {

    public SessionWithJwtResult {
        Objects.requireNonNull(session, "session cannot be null");
        Objects.requireNonNull(jwt, "jwt cannot be null");
    }
}
