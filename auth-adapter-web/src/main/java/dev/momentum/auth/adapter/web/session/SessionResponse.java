package dev.momentum.auth.adapter.web.session;

import dev.momentum.auth.adapter.web.JsonDates;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.domain.session.Session;

/**
 * better-auth's session object. {@code token} is the caller's own token, which it already holds;
 * for the caller's other sessions it is their handle (the session id), which revoke-session
 * accepts but which authenticates nothing (ADR-0012).
 */
public record SessionResponse(String id, String token, String userId, String expiresAt, String createdAt,
                              String updatedAt, String ipAddress, String userAgent) {

    public static SessionResponse from(SessionResult result) {
        return from(result.session(), result.token().value());
    }

    public static SessionResponse from(Session session, String token) {
        return new SessionResponse(session.id().value(), token, session.userId().value(),
                JsonDates.format(session.expiresAt()), JsonDates.format(session.createdAt()),
                JsonDates.format(session.updatedAt()), session.ipAddress(), session.userAgent());
    }
}
