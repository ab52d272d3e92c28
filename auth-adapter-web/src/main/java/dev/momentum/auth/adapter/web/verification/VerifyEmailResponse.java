package dev.momentum.auth.adapter.web.verification;

import dev.momentum.auth.adapter.web.UserResponse;

/** better-auth answers {@code {"status":true,"user":null}} when there is no callbackURL to redirect to. */
public record VerifyEmailResponse(boolean status, UserResponse user) {

    public static final VerifyEmailResponse VERIFIED = new VerifyEmailResponse(true, null);
}
