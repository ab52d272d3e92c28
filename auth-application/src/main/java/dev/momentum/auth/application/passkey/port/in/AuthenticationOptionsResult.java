package dev.momentum.auth.application.passkey.port.in;

import dev.momentum.auth.domain.passkey.Passkey;
import java.util.List;

/**
 * What a browser needs to sign in with a passkey.
 *
 * @param allowed the signed-in user's passkeys; empty: any discoverable passkey (autofill)
 */
public record AuthenticationOptionsResult(String challenge, String rpId, List<Passkey> allowed) {

    @Override
    public String toString() {
        return "AuthenticationOptionsResult[challenge hidden, rpId=" + rpId + "]";
    }
}
