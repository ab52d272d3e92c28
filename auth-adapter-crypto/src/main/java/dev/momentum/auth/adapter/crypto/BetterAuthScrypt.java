package dev.momentum.auth.adapter.crypto;

import dev.momentum.auth.domain.credential.BetterAuthPasswordHash;
import dev.momentum.auth.domain.credential.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Checks a password against a hash imported from better-auth ({@link BetterAuthPasswordHash}) with
 * BouncyCastle's scrypt. Each check takes 32 MiB of the Java heap (128·N·r bytes), so only one runs
 * at a time: these hashes are checked once per imported user, at their first sign-in here, which
 * then replaces the hash with Argon2id (ADR-0040).
 */
final class BetterAuthScrypt {

    private static final int N = 16384;
    private static final int R = 16;
    private static final int P = 1;
    private static final int KEY_BYTES = 64;

    private final Semaphore oneAtATime = new Semaphore(1);

    static boolean isOne(PasswordHash hash) {
        return hash.encoded().startsWith(BetterAuthPasswordHash.PHC_PREFIX);
    }

    /** Blocks: call it on the hashing pool. */
    boolean matches(String password, PasswordHash hash) throws InterruptedException {
        String[] parts = hash.encoded().substring(BetterAuthPasswordHash.PHC_PREFIX.length()).split("\\$");
        if (parts.length != 2) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[0]);
        byte[] expected = Base64.getDecoder().decode(parts[1]);
        byte[] presented = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        oneAtATime.acquire();
        try {
            return MessageDigest.isEqual(SCrypt.generate(presented, salt, N, R, P, KEY_BYTES), expected);
        } finally {
            oneAtATime.release();
        }
    }
}
