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

    /** The token a client presented, if it presented one: absent and empty values are no token. */
    public static java.util.Optional<BearerToken> presented(String value) {
        return value == null || value.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new BearerToken(value));
    }

    public TokenHash hash() {
        return TokenHash.of(value);
    }

    @Override
    public String toString() {
        return "BearerToken[redacted]";
    }
}
