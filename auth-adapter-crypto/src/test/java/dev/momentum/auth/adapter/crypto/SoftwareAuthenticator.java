package dev.momentum.auth.adapter.crypto;

import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A passkey in software (one P-256 key, attestation "none"), answering as a browser's WebAuthn API
 * would, in the JSON that SimpleWebAuthn's browser library sends: what the ceremonies are tested
 * against here. The real browser's authenticator is tested end to end by the passkey e2e test.
 */
public final class SoftwareAuthenticator {

    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final byte UP_UV_BE_BS = 0x01 | 0x04 | 0x08 | 0x10;
    private static final byte ATTESTED = 0x40;

    private final KeyPair keys;
    private final byte[] credentialId;
    private long counter;

    public SoftwareAuthenticator(long initialCounter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.credentialId = ByteBuffer.allocate(16).putLong(System.nanoTime()).putLong(keys.hashCode()).array();
        this.counter = initialCounter;
    }

    public String credentialId() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(credentialId);
    }

    /** The counter the next assertion states; an authenticator that keeps none stays at 0. */
    public void setCounter(long counter) {
        this.counter = counter;
    }

    public String register(byte[] challenge, String origin, String rpId) {
        byte[] publicKey = CONVERTER.getCborConverter().writeValueAsBytes(
                EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(UP_UV_BE_BS | ATTESTED);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        authData.writeBytes(new byte[16]);
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(publicKey);
        Map<String, Object> attestation = new LinkedHashMap<>();
        attestation.put("fmt", "none");
        attestation.put("attStmt", Map.of());
        attestation.put("authData", authData.toByteArray());
        String clientData = clientData("webauthn.create", challenge, origin);
        return """
                {"id":"%1$s","rawId":"%1$s","type":"public-key","authenticatorAttachment":"platform",
                 "response":{"clientDataJSON":"%2$s","attestationObject":"%3$s","transports":["internal"]},
                 "clientExtensionResults":{}}""".formatted(credentialId(), b64url(clientData.getBytes(StandardCharsets.UTF_8)),
                b64url(CONVERTER.getCborConverter().writeValueAsBytes(attestation)));
    }

    public String authenticate(byte[] challenge, String origin, String rpId) {
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(UP_UV_BE_BS);
        authData.writeBytes(ByteBuffer.allocate(4).putInt((int) counter).array());
        byte[] clientData = clientData("webauthn.get", challenge, origin).getBytes(StandardCharsets.UTF_8);
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authData.toByteArray());
            signer.update(sha256(clientData));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return """
                {"id":"%1$s","rawId":"%1$s","type":"public-key","authenticatorAttachment":"platform",
                 "response":{"clientDataJSON":"%2$s","authenticatorData":"%3$s","signature":"%4$s","userHandle":null},
                 "clientExtensionResults":{}}""".formatted(credentialId(), b64url(clientData),
                b64url(authData.toByteArray()), b64url(signature));
    }

    private static String clientData(String type, byte[] challenge, String origin) {
        return "{\"type\":\"" + type + "\",\"challenge\":\"" + b64url(challenge) + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}";
    }

    private static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
