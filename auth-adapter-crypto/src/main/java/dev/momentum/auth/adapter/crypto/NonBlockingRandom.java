package dev.momentum.auth.adapter.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Randomness that may be drawn on an event loop: the JDK's DRBG (NIST SP 800-90A), seeded once from
 * the operating system, then pure computation. The default {@code NativePRNG} reads
 * {@code /dev/urandom} on the calling thread every 100 ms, a file read that BlockHound reports on
 * the event loop (ADR-0020).
 */
final class NonBlockingRandom {

    private NonBlockingRandom() {
    }

    static SecureRandom create() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no DRBG", e);
        }
    }
}
