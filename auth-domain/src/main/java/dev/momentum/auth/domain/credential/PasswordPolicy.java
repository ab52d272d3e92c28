package dev.momentum.auth.domain.credential;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Rules for passwords: lengths counted in UTF-16 code units as better-auth counts them (JavaScript
 * string length), so the same passwords pass on both services, and no password from a list of the
 * most common ones (ASVS 5.0 6.2.4), compared without case.
 *
 * @param isCommon whether a password, in lower case, is one of the common ones
 */
public record PasswordPolicy(int minLength, int maxLength, Predicate<String> isCommon) {

    public static final PasswordPolicy DEFAULT = new PasswordPolicy(8, 128, password -> false);

    public enum Violation { TOO_SHORT, TOO_LONG, COMMON }

    public PasswordPolicy {
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("need 1 <= minLength <= maxLength");
        }
        Objects.requireNonNull(isCommon, "isCommon cannot be null");
    }

    public PasswordPolicy refusing(Predicate<String> common) {
        return new PasswordPolicy(minLength, maxLength, common);
    }

    /** Checks a password being chosen (sign-up, reset, change). */
    public Optional<Violation> checkNew(String password) {
        if (password.length() < minLength) {
            return Optional.of(Violation.TOO_SHORT);
        }
        Optional<Violation> tooLong = checkPresented(password);
        if (tooLong.isPresent()) {
            return tooLong;
        }
        return isCommon.test(password.toLowerCase(Locale.ROOT)) ? Optional.of(Violation.COMMON) : Optional.empty();
    }

    /** Checks a password being presented (sign-in): only the upper bound, which caps hashing cost. */
    public Optional<Violation> checkPresented(String password) {
        return password.length() > maxLength ? Optional.of(Violation.TOO_LONG) : Optional.empty();
    }
}
