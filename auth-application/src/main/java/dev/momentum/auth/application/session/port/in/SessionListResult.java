package dev.momentum.auth.application.session.port.in;

import dev.momentum.auth.domain.session.Session;
import java.util.List;

/** The caller's own session (with its token, which the caller holds) and all live sessions of the user. */
public record SessionListResult(SessionResult current, List<Session> sessions) {

    public SessionListResult {
        sessions = List.copyOf(sessions);
    }
}
