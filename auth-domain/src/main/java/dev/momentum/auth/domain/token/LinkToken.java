package dev.momentum.auth.domain.token;

import java.util.Objects;
import java.util.Optional;

/**
 * The secret of a mailed link (verification, password reset, account deletion) as the client
 * presents it: whoever holds it may act once, so it never shows in a log line or an exception
 * message; only its {@link TokenHash} is stored.
 */
public record LinkToken(String value) {

    public LinkToken {
        Objects.requireNonNull(value, "value cannot be null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a link token is never empty");
        }
    }

    /** Empty for no token or an empty one: what a link without its token carries. */
    public static Optional<LinkToken> parse(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(new LinkToken(value));
    }

    public TokenHash hash() {
        return TokenHash.of(value);
    }

    @Override
    public String toString() {
        return "LinkToken[redacted]";
    }
}
