package dev.momentum.auth.application.passkey;

import java.util.Objects;
import java.util.Set;

/**
 * The relying party the passkeys belong to.
 *
 * @param rpId    the domain passkeys are scoped to (better-auth: the host of its base URL)
 * @param rpName  what the browser shows the user
 * @param origins the pages allowed to use them
 */
public record PasskeySettings(String rpId, String rpName, Set<String> origins) {

    public PasskeySettings {
        Objects.requireNonNull(rpId, "rpId cannot be null");
        Objects.requireNonNull(rpName, "rpName cannot be null");
        origins = Set.copyOf(origins);
    }
}
