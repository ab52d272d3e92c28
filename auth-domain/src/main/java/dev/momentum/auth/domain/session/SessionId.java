package dev.momentum.auth.domain.session;

import java.util.Objects;

public record SessionId(String value) {

    public SessionId {
        Objects.requireNonNull(value, "value cannot be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a session id cannot be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
