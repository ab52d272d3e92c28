package dev.momentum.auth.adapter.crypto;

/**
 * Argon2id cost. {@link #OWASP} is the OWASP Password Storage Cheat Sheet's first
 * recommendation: 19 MiB of memory, 2 iterations, 1 lane.
 */
public record Argon2Parameters(int memoryKiB, int iterations, int parallelism, int saltLength, int hashLength) {

    public static final Argon2Parameters OWASP = new Argon2Parameters(19_456, 2, 1, 16, 32);

    public Argon2Parameters {
        if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1 || saltLength < 16 || hashLength < 16) {
            throw new IllegalArgumentException("Argon2id parameters below the safe minimum");
        }
    }
}
