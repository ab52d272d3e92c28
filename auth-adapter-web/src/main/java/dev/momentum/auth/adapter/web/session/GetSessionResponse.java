package dev.momentum.auth.adapter.web.session;

import dev.momentum.auth.adapter.web.UserResponse;
import dev.momentum.auth.application.session.port.in.SessionResult;

public record GetSessionResponse(SessionResponse session, UserResponse user) {

    public static GetSessionResponse from(SessionResult result) {
        return new GetSessionResponse(SessionResponse.from(result), UserResponse.from(result.user()));
    }
}
