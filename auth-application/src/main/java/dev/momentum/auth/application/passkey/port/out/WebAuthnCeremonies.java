package dev.momentum.auth.application.passkey.port.out;

import dev.momentum.auth.domain.passkey.Passkey;
import java.util.List;
import java.util.Set;

/** Verifies what the browser's WebAuthn API answered (a maintained library's work, ADR-0050). */
public interface WebAuthnCeremonies {

    /**
     * @param challenge the bytes the options sent
     * @throws CeremonyRefusedException when the response is malformed, forged, for another challenge,
     *                                  origin or relying party
     */
    NewCredential verifyRegistration(String responseJson, byte[] challenge, Expected expected);

    /**
     * The authenticator's new signature counter.
     *
     * @throws CeremonyRefusedException as for registration, and when the counter went backwards
     */
    long verifyAuthentication(String responseJson, byte[] challenge, Expected expected, Passkey passkey);

    /** The credential id a response names (base64url), before anything is verified; null when it names none. */
    String credentialIdOf(String responseJson);

    /** What the responses must have been made for. */
    record Expected(String rpId, Set<String> origins) {
    }

    /** A registered credential, in better-auth's stored form. */
    record NewCredential(String credentialId, String publicKey, long counter, String deviceType, boolean backedUp,
                         List<String> transports, String aaguid) {
    }

    final class CeremonyRefusedException extends RuntimeException {

        public CeremonyRefusedException(String reason, Throwable cause) {
            super(reason, cause, false, false);
        }
    }
}
