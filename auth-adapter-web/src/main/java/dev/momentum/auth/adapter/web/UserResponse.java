package dev.momentum.auth.adapter.web;

import dev.momentum.auth.domain.user.User;

/** better-auth's user object, with the {@code twoFactorEnabled} its twoFactor plugin adds. */
public record UserResponse(String id, String name, String email, boolean emailVerified, String image,
                           String createdAt, String updatedAt, boolean twoFactorEnabled) {

    public static UserResponse from(User user) {
        return new UserResponse(user.id().value(), user.name(), user.email().value(), user.emailVerified(),
                user.image(), JsonDates.format(user.createdAt()), JsonDates.format(user.updatedAt()),
                user.twoFactorEnabled());
    }
}
