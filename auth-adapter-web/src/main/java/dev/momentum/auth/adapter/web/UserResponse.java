package dev.momentum.auth.adapter.web;

import dev.momentum.auth.domain.user.User;

public record UserResponse(String id, String name, String email, boolean emailVerified, String image,
                           String createdAt, String updatedAt) {

    public static UserResponse from(User user) {
        return new UserResponse(user.id().value(), user.name(), user.email().value(), user.emailVerified(),
                user.image(), JsonDates.format(user.createdAt()), JsonDates.format(user.updatedAt()));
    }
}
