package dev.momentum.auth.adapter.crypto;

import dev.momentum.auth.application.support.port.out.SecretSealer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a random 96-bit nonce, under a key derived from the service secret by
 * HMAC-SHA256 with a purpose label, so each use of the secret gets its own key. The context (a
 * row id) is authenticated with the value. Previous secrets still open what they sealed, so the
 * secret can be rotated (AUTH_SECRET_PREVIOUS); everything new is sealed under the current one.
 */
public final class AesGcmSecretSealer implements SecretSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** The current secret's key, which seals, then the previous secrets' keys, which only open. */
    private final List<SecretKeySpec> keys;
    private final SecureRandom random = NonBlockingRandom.create();

    /** @param purpose separates keys: the same secret seals mail and signing keys under different keys */
    public AesGcmSecretSealer(String secret, String purpose) {
        this(secret, List.of(), purpose);
    }

    /** @param previousSecrets secrets rotated out, which still open what they sealed */
    public AesGcmSecretSealer(String secret, List<String> previousSecrets, String purpose) {
        this.keys = Stream.concat(Stream.of(secret), previousSecrets.stream())
                .map(each -> derive(each, purpose)).toList();
    }

    private static SecretKeySpec derive(String secret, String purpose) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new SecretKeySpec(hmac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String seal(String context, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(keys.getFirst(), Cipher.ENCRYPT_MODE, nonce, context, plaintext);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    @Override
    public byte[] open(String context, String sealed) {
        byte[] bytes = Base64.getDecoder().decode(sealed);
        if (bytes.length <= NONCE_BYTES) {
            throw new IllegalStateException("not a sealed value");
        }
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        IllegalStateException failure = null;
        for (SecretKeySpec key : keys) {
            try {
                return run(key, Cipher.DECRYPT_MODE, nonce, context, ciphertext);
            } catch (IllegalStateException e) {
                // sealed under another secret, or not at all: the next one may open it; the
                // current secret's failure is the one reported
                failure = failure == null ? e : failure;
            }
        }
        throw failure;
    }

    private static byte[] run(SecretKeySpec key, int mode, byte[] nonce, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the value does not open with this AUTH_SECRET: " + e, e);
        }
    }
}
