package dev.momentum.auth.domain.passkey;

import dev.momentum.auth.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A user's passkey in better-auth's form, so that those imported from it verify unchanged.
 *
 * @param credentialId base64url, unpadded, as the browser names the credential
 * @param publicKey    standard base64 (padded) of the COSE public key
 * @param counter      the authenticator's signature counter at the last use; 0 when it keeps none
 * @param deviceType   {@code singleDevice} or {@code multiDevice} (backup eligible)
 * @param transports   comma-joined, or null
 * @param name         the user's label, or null
 * @param aaguid       the authenticator model, or null
 */
public record Passkey(String id, UserId userId, String name, String credentialId, String publicKey, long counter,
                      String deviceType, boolean backedUp, String transports, String aaguid, Instant createdAt) {

    /** How long a ceremony's challenge lasts: better-auth's {@code webAuthnChallengeCookie} max age. */
    public static final Duration CHALLENGE_VALIDITY = Duration.ofMinutes(5);

    public Passkey {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(userId, "userId cannot be null");
        Objects.requireNonNull(credentialId, "credentialId cannot be null");
        Objects.requireNonNull(publicKey, "publicKey cannot be null");
        Objects.requireNonNull(deviceType, "deviceType cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
    }
}
