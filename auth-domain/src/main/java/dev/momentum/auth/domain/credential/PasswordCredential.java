package dev.momentum.auth.domain.credential;

import dev.momentum.auth.domain.user.User;
import java.util.Objects;

/** A user together with the hash of their password: what a sign-in checks against. */
public record PasswordCredential(User user, PasswordHash hash) {

    public PasswordCredential {
        Objects.requireNonNull(user, "user cannot be null");
        Objects.requireNonNull(hash, "hash cannot be null");
    }
}
