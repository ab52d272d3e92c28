package dev.momentum.auth.domain.user;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A syntactically valid, lower-cased email address. Only ASCII letters, digits and the usual
 * punctuation are accepted, so no control character (CR, LF) can ever reach a mail header.
 */
public record EmailAddress(String value) {

    /** RFC 5321 limits a forward path to 254 characters. */
    public static final int MAX_LENGTH = 254;

    // The same shape zod's email() accepts, which is what better-auth validates with.
    private static final Pattern SHAPE = Pattern.compile(
            "^(?!\\.)(?!.*\\.\\.)[A-Za-z0-9_'+\\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9\\-]*\\.)+[A-Za-z]{2,}$");

    public EmailAddress {
        Objects.requireNonNull(value, "value cannot be null");
        if (!isWellFormed(value) || !value.equals(value.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("not a lower-cased email address");
        }
    }

    /** Lower-cases and validates what a user typed; empty when it is not an email address. */
    public static Optional<EmailAddress> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String normalized = raw.strip().toLowerCase(Locale.ROOT);
        return isWellFormed(normalized) ? Optional.of(new EmailAddress(normalized)) : Optional.empty();
    }

    private static boolean isWellFormed(String candidate) {
        return candidate.length() <= MAX_LENGTH && SHAPE.matcher(candidate).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
