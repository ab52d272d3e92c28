package dev.momentum.auth.adapter.web.dto;

import dev.momentum.auth.application.port.in.SessionResult;

/** better-auth's session object; {@code token} is the caller's own token, which it already holds. */
public record SessionResponse(String id, String token, String userId, String expiresAt, String createdAt,
                              String updatedAt, String ipAddress, String userAgent) {

    public static SessionResponse from(SessionResult result) {
        var session = result.session();
        return new SessionResponse(session.id().value(), result.token(), session.userId().value(),
                JsonDates.format(session.expiresAt()), JsonDates.format(session.createdAt()),
                JsonDates.format(session.updatedAt()), session.ipAddress(), session.userAgent());
    }
}
