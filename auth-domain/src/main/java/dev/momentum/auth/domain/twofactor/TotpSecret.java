package dev.momentum.auth.domain.twofactor;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The secret an authenticator app shares with us, as better-auth keeps it: a string whose UTF-8
 * bytes are the HMAC key, not a base32 text to decode. Apps enrolled under better-auth keep
 * working only with this reading. It never shows in a log line.
 */
public record TotpSecret(String value) {

    public TotpSecret {
        Objects.requireNonNull(value, "value cannot be null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a TOTP secret is never empty");
        }
    }

    public byte[] key() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "TotpSecret[redacted]";
    }
}
