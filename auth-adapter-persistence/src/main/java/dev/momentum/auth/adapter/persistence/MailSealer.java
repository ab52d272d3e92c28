package dev.momentum.auth.adapter.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals queued mail with AES-256-GCM under a key derived from the service secret: the links in
 * it are credentials, and the database otherwise holds only their hashes. The row id is
 * authenticated with the payload, so a payload moved to another row does not open.
 */
final class MailSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    MailSealer(String secret) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            this.key = new SecretKeySpec(hmac.doFinal("auth-service mail outbox v1".getBytes(StandardCharsets.UTF_8)),
                    "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    String seal(String rowId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, rowId, plaintext);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    /** @throws IllegalStateException when the payload was sealed under another secret or altered */
    byte[] open(String rowId, String payload) {
        byte[] bytes = Base64.getDecoder().decode(payload);
        byte[] nonce = java.util.Arrays.copyOf(bytes, NONCE_BYTES);
        return run(Cipher.DECRYPT_MODE, nonce, rowId,
                java.util.Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length));
    }

    private byte[] run(int mode, byte[] nonce, String rowId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(rowId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("queued mail does not open with this AUTH_SECRET: " + e, e);
        }
    }
}
