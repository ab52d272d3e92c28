package dev.momentum.auth.domain.credential;

import java.util.Objects;

/**
 * A self-describing password hash in PHC string format, e.g.
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}: algorithm and cost travel with the value,
 * so a sign-in can tell when a hash was made with weaker parameters and re-hash it.
 */
public record PasswordHash(String encoded) {

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded cannot be null");
        if (!encoded.startsWith("$")) {
            throw new IllegalArgumentException("a password hash must be in PHC string format");
        }
    }

    public String algorithm() {
        return encoded.substring(1, encoded.indexOf('$', 1));
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm() + "]";
    }
}
