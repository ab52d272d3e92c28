package dev.momentum.auth.adapter.crypto;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.CborConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import dev.momentum.auth.application.passkey.port.out.WebAuthnCeremonies;
import dev.momentum.auth.domain.passkey.Passkey;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * WebAuthn Level 3 ceremonies verified by webauthn4j (ADR-0050) with better-auth's choices:
 * attestation {@code none} (no trust anchors), user verification preferred but not required,
 * EdDSA, ES256 and RS256 keys. A counter that did not move forward is refused.
 */
public final class WebAuthn4jCeremonies implements WebAuthnCeremonies {

    /** SimpleWebAuthn's defaults, which better-auth offers: Ed25519, P-256, RSA. */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final ObjectConverter converter = new ObjectConverter();
    private final CborConverter cbor = converter.getCborConverter();
    private final WebAuthnManager manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);

    @Override
    public NewCredential verifyRegistration(String responseJson, byte[] challenge, Expected expected) {
        try {
            RegistrationData data = manager.verifyRegistrationResponseJSON(responseJson,
                    new RegistrationParameters(serverProperty(challenge, expected), ALGORITHMS, false, true));
            AuthenticatorData<?> authenticator = data.getAttestationObject().getAuthenticatorData();
            AttestedCredentialData credential = authenticator.getAttestedCredentialData();
            AAGUID aaguid = credential.getAaguid();
            return new NewCredential(Base64.getUrlEncoder().withoutPadding().encodeToString(credential.getCredentialId()),
                    Base64.getEncoder().encodeToString(cbor.writeValueAsBytes(credential.getCOSEKey())),
                    authenticator.getSignCount(), authenticator.isFlagBE() ? "multiDevice" : "singleDevice",
                    authenticator.isFlagBS(), transportsOf(data.getTransports()),
                    aaguid == null || aaguid.getValue() == null ? null : aaguid.getValue().toString());
        } catch (RuntimeException refused) {
            throw refusal("registration", refused);
        }
    }

    @Override
    public long verifyAuthentication(String responseJson, byte[] challenge, Expected expected, Passkey passkey) {
        try {
            var record = new CredentialRecordImpl(new NoneAttestationStatement(), null,
                    !"singleDevice".equals(passkey.deviceType()), passkey.backedUp(), passkey.counter(),
                    new AttestedCredentialData(AAGUID.ZERO, Base64.getUrlDecoder().decode(passkey.credentialId()),
                            cbor.readValue(Base64.getDecoder().decode(passkey.publicKey()), COSEKey.class)),
                    null, null, null, null);
            var data = manager.verifyAuthenticationResponseJSON(responseJson, new AuthenticationParameters(
                    serverProperty(challenge, expected), record, null, false, true));
            return data.getAuthenticatorData().getSignCount();
        } catch (RuntimeException refused) {
            throw refusal("authentication", refused);
        }
    }

    @Override
    public String credentialIdOf(String responseJson) {
        try {
            JsonNode id = converter.getJsonMapper().readTree(responseJson).get("id");
            return id == null || !id.isString() ? null : id.asString();
        } catch (tools.jackson.core.JacksonException malformed) {
            return null;
        }
    }

    /**
     * The response comes from the network: whatever the library throws on it (a failed check, or
     * data it cannot read) is a refusal, never a server error.
     */
    private static CeremonyRefusedException refusal(String ceremony, RuntimeException cause) {
        return new CeremonyRefusedException(ceremony + " refused: " + cause.getClass().getSimpleName(), cause);
    }

    private static ServerProperty serverProperty(byte[] challenge, Expected expected) {
        return ServerProperty.builder()
                .origins(expected.origins().stream().map(Origin::new).collect(Collectors.toSet()))
                .rpId(expected.rpId())
                .challenge(new DefaultChallenge(challenge))
                .build();
    }

    private static List<String> transportsOf(Set<AuthenticatorTransport> transports) {
        return transports == null ? List.of()
                : transports.stream().map(AuthenticatorTransport::getValue).sorted().toList();
    }
}
