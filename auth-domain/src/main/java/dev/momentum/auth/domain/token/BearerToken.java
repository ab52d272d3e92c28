package dev.momentum.auth.domain.token;

import java.util.Objects;

/**
 * A session's opaque bearer token as the client presents it: a credential, so it never shows in a
 * log line or an exception message; only its {@link TokenHash} is stored.
 */
public record BearerToken(String value) {

    public BearerToken {
        Objects.requireNonNull(value, "value cannot be null");
    }

    public TokenHash hash() {
        return TokenHash.of(value);
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
