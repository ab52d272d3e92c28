package dev.momentum.auth.adapter.web.dto;

import dev.momentum.auth.application.port.in.SessionResult;

public record GetSessionResponse(SessionResponse session, UserResponse user) {

    public static GetSessionResponse from(SessionResult result) {
        return new GetSessionResponse(SessionResponse.from(result), UserResponse.from(result.user()));
    }
}
