package dev.momentum.auth.application.session.port.in;

import dev.momentum.auth.domain.session.Session;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.user.User;
import java.util.Objects;

/**
 * A live session, its user, and the bearer token that names it. The token is known only here,
 * at the moment it is issued or presented: the database keeps its hash. {@code refreshed} says
 * that this lookup extended the session, so the cookie should be sent again. {@code enrolmentOnly}
 * says that the user must have a second factor and has none, so the session can only enrol one.
 */
public record SessionResult(BearerToken token, Session session, User user, boolean refreshed,
                            boolean enrolmentOnly) {

    public SessionResult {
        Objects.requireNonNull(token, "token cannot be null");
        Objects.requireNonNull(session, "session cannot be null");
        Objects.requireNonNull(user, "user cannot be null");
    }

    public SessionResult(BearerToken token, Session session, User user) {
        this(token, session, user, false, false);
    }

    @Override
    public String toString() {
        return "SessionResult[session=" + session.id() + ", user=" + user.id() + "]";
    }
}
