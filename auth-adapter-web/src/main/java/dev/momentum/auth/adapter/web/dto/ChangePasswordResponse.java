package dev.momentum.auth.adapter.web.dto;

/** {@code token} is the new session's token when every session was ended, else null. */
public record ChangePasswordResponse(String token, UserResponse user) {
}
