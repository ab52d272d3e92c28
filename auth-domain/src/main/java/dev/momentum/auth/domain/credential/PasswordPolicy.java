package dev.momentum.auth.domain.credential;

import java.util.Optional;

/**
 * Length rules for passwords, counted in UTF-16 code units as better-auth counts them
 * (JavaScript string length), so the same passwords pass on both services.
 */
public record PasswordPolicy(int minLength, int maxLength) {

    public static final PasswordPolicy DEFAULT = new PasswordPolicy(8, 128);

    public enum Violation { TOO_SHORT, TOO_LONG }

    public PasswordPolicy {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("need 1 <= minLength <= maxLength");
        }
    }

    /** Checks a password being chosen (sign-up, reset, change). */
    public Optional<Violation> checkNew(String password) {
        if (password.length() < minLength) {
            return Optional.of(Violation.TOO_SHORT);
        }
        return checkPresented(password);
    }

    /** Checks a password being presented (sign-in): only the upper bound, which caps hashing cost. */
    public Optional<Violation> checkPresented(String password) {
        return password.length() > maxLength ? Optional.of(Violation.TOO_LONG) : Optional.empty();
    }
}
