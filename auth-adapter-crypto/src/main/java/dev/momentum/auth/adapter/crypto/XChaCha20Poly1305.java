package dev.momentum.auth.adapter.crypto;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens XChaCha20-Poly1305 as {@code @noble/ciphers}' {@code managedNonce} writes it (24-byte
 * nonce, then ciphertext and 16-byte tag), which is how better-auth encrypts. The JDK has the
 * IETF construction with a 12-byte nonce; XChaCha20 is that under a subkey HChaCha20 derives from
 * the key and the nonce's first 16 bytes, with the last 8 as nonce (draft-irtf-cfrg-xchacha-03,
 * section 2.3). Neither BouncyCastle nor the JDK has XChaCha, and Tink would bring protobuf for
 * these twenty lines (ADR-0040).
 */
final class XChaCha20Poly1305 {

    static final int NONCE_BYTES = 24;
    private static final int TAG_BYTES = 16;
    private static final int[] SIGMA = {0x61707865, 0x3320646e, 0x79622d32, 0x6b206574};

    private XChaCha20Poly1305() {
    }

    /** @throws AEADBadTagException when the key is another or the value was altered */
    static byte[] open(byte[] key, byte[] nonceAndSealed) throws GeneralSecurityException {
        if (key.length != 32 || nonceAndSealed.length < NONCE_BYTES + TAG_BYTES) {
            throw new AEADBadTagException("not an XChaCha20-Poly1305 value");
        }
        byte[] subkey = hChaCha20(key, Arrays.copyOf(nonceAndSealed, 16));
        byte[] nonce = new byte[12];
        System.arraycopy(nonceAndSealed, 16, nonce, 4, 8);
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(subkey, "ChaCha20"), new IvParameterSpec(nonce));
        return cipher.doFinal(nonceAndSealed, NONCE_BYTES, nonceAndSealed.length - NONCE_BYTES);
    }

    static byte[] hChaCha20(byte[] key, byte[] nonce16) {
        ByteBuffer keyWords = ByteBuffer.wrap(key).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer nonceWords = ByteBuffer.wrap(nonce16).order(ByteOrder.LITTLE_ENDIAN);
        int[] state = new int[16];
        System.arraycopy(SIGMA, 0, state, 0, 4);
        for (int i = 0; i < 8; i++) {
            state[4 + i] = keyWords.getInt();
        }
        for (int i = 0; i < 4; i++) {
            state[12 + i] = nonceWords.getInt();
        }
        for (int round = 0; round < 10; round++) {
            quarterRound(state, 0, 4, 8, 12);
            quarterRound(state, 1, 5, 9, 13);
            quarterRound(state, 2, 6, 10, 14);
            quarterRound(state, 3, 7, 11, 15);
            quarterRound(state, 0, 5, 10, 15);
            quarterRound(state, 1, 6, 11, 12);
            quarterRound(state, 2, 7, 8, 13);
            quarterRound(state, 3, 4, 9, 14);
        }
        ByteBuffer subkey = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i : new int[] {0, 1, 2, 3, 12, 13, 14, 15}) {
            subkey.putInt(state[i]);
        }
        return subkey.array();
    }

    private static void quarterRound(int[] x, int a, int b, int c, int d) {
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
    }
}
