package dev.momentum.auth.adapter.web.credential;

import dev.momentum.auth.adapter.web.UserResponse;

/** {@code token} is the new session's token when every session was ended, else null. */
public record ChangePasswordResponse(String token, UserResponse user) {
}
