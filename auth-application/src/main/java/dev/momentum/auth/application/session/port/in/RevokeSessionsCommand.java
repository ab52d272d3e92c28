package dev.momentum.auth.application.session.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import java.util.Objects;

/** @param callerToken the caller's session token, or null (then UNAUTHORIZED) */
public record RevokeSessionsCommand(BearerToken callerToken, Which which) {

    public enum Which {
        /** Every session of the user, the caller's included. */
        ALL,
        /** Every session of the user but the caller's. */
        OTHERS
    }

    public RevokeSessionsCommand {
        Objects.requireNonNull(which, "which cannot be null");
    }
}
