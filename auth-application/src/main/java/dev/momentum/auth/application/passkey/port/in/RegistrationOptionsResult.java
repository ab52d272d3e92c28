package dev.momentum.auth.application.passkey.port.in;

import dev.momentum.auth.domain.passkey.Passkey;
import java.util.List;

/**
 * What a browser needs to create a passkey.
 *
 * @param challenge  the single-use secret the client gives back (the challenge cookie), whose bytes
 *                   are the WebAuthn challenge
 * @param userHandle a fresh opaque handle, as better-auth makes one
 * @param excluded   the user's passkeys, which the authenticator must not register again
 */
public record RegistrationOptionsResult(String challenge, String rpId, String rpName, String userHandle,
                                        String userName, String userDisplayName, List<Passkey> excluded) {

    @Override
    public String toString() {
        return "RegistrationOptionsResult[challenge hidden, rpId=" + rpId + "]";
    }
}
