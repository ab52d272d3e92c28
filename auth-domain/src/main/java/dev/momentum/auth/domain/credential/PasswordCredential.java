package dev.momentum.auth.domain.credential;

import dev.momentum.auth.domain.user.User;
import java.util.Objects;

/**
 * A user together with the hash of their password: what a sign-in checks against.
 *
 * @param secondFactor the user has a second factor (brought over from better-auth), which a
 *                     password alone must not get past
 */
public record PasswordCredential(User user, PasswordHash hash, boolean secondFactor) {

    public PasswordCredential {
        Objects.requireNonNull(user, "user cannot be null");
        Objects.requireNonNull(hash, "hash cannot be null");
    }

    /** A credential of a user without a second factor. */
    public PasswordCredential(User user, PasswordHash hash) {
        this(user, hash, false);
    }
}
