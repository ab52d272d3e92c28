package dev.momentum.auth.adapter.web.credential;

import dev.momentum.auth.adapter.web.UserResponse;

/** {@code token} is always null: a new user must verify the address before a session starts. */
public record SignUpResponse(String token, UserResponse user) {
}
