package dev.momentum.auth.adapter.web.passkey;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.momentum.auth.adapter.web.JsonDates;
import dev.momentum.auth.adapter.web.UserResponse;
import dev.momentum.auth.adapter.web.session.SessionResponse;
import dev.momentum.auth.application.passkey.port.in.AuthenticationOptionsResult;
import dev.momentum.auth.application.passkey.port.in.RegistrationOptionsResult;
import dev.momentum.auth.domain.passkey.Passkey;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The passkey plugin's JSON: the options as SimpleWebAuthn's {@code generate*Options} write them
 * with better-auth's choices, and the stored passkey as better-auth answers it.
 */
final class PasskeyJson {

    static final long TIMEOUT_MILLIS = 60_000;
    /** Ed25519, P-256, RSA: SimpleWebAuthn's default algorithms, in its order. */
    static final List<Map<String, Object>> ALGORITHMS = List.of(Map.of("alg", -8, "type", "public-key"),
            Map.of("alg", -7, "type", "public-key"), Map.of("alg", -257, "type", "public-key"));

    private PasskeyJson() {
    }

    record RelyingParty(String name, String id) {
    }

    record UserEntity(String id, String name, String displayName) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Descriptor(String id, String type, List<String> transports) {
    }

    record Selection(String residentKey, String userVerification, boolean requireResidentKey) {
    }

    record RegistrationOptions(String challenge, RelyingParty rp, UserEntity user, List<Map<String, Object>> pubKeyCredParams,
                               long timeout, List<Descriptor> excludeCredentials, Selection authenticatorSelection,
                               String attestation, Map<String, Object> extensions, List<String> hints) {

        static RegistrationOptions of(RegistrationOptionsResult options) {
            return new RegistrationOptions(challengeOf(options.challenge()),
                    new RelyingParty(options.rpName(), options.rpId()),
                    new UserEntity(base64url(options.userHandle().getBytes(StandardCharsets.UTF_8)), options.userName(),
                            options.userDisplayName()),
                    ALGORITHMS, TIMEOUT_MILLIS, descriptors(options.excluded()),
                    new Selection("preferred", "preferred", false), "none", Map.of("credProps", true), List.of());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuthenticationOptions(String challenge, long timeout, String rpId, List<Descriptor> allowCredentials,
                                 String userVerification) {

        static AuthenticationOptions of(AuthenticationOptionsResult options) {
            return new AuthenticationOptions(challengeOf(options.challenge()), TIMEOUT_MILLIS, options.rpId(),
                    options.allowed().isEmpty() ? null : descriptors(options.allowed()), "preferred");
        }
    }

    /** better-auth's stored passkey, field for field. */
    record PasskeyResponse(String id, String name, String publicKey, String userId, String credentialID, long counter,
                           String deviceType, boolean backedUp, String transports, String createdAt, String aaguid) {

        static PasskeyResponse of(Passkey passkey) {
            return new PasskeyResponse(passkey.id(), passkey.name(), passkey.publicKey(), passkey.userId().value(),
                    passkey.credentialId(), passkey.counter(), passkey.deviceType(), passkey.backedUp(),
                    passkey.transports(), JsonDates.format(passkey.createdAt()), passkey.aaguid());
        }
    }

    record SignedInResponse(SessionResponse session, UserResponse user) {
    }

    record UpdatedResponse(PasskeyResponse passkey) {
    }

    /** The WebAuthn challenge: the bytes of the challenge token, base64url as SimpleWebAuthn sends it. */
    static String challengeOf(String token) {
        return base64url(token.getBytes(StandardCharsets.US_ASCII));
    }

    private static List<Descriptor> descriptors(List<Passkey> passkeys) {
        return passkeys.stream().map(passkey -> new Descriptor(passkey.credentialId(), "public-key",
                passkey.transports() == null || passkey.transports().isEmpty() ? null
                        : Arrays.asList(passkey.transports().split(",")))).toList();
    }

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
