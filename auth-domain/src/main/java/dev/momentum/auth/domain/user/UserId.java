package dev.momentum.auth.domain.user;

import java.util.Objects;

/** Opaque identifier of a user: 32 characters [A-Za-z0-9], as better-auth generates them. */
public record UserId(String value) {

    public UserId {
        Objects.requireNonNull(value, "value cannot be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a user id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
