package dev.momentum.auth.adapter.crypto;

import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import java.security.SecureRandom;

/** 32 characters [A-Za-z0-9] from {@link SecureRandom}: 190 bits, the alphabet and length better-auth uses. */
public final class RandomTokenGenerator implements SecureTokenGenerator {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int LENGTH = 32;
    // the largest multiple of 62 below 256: bytes at or above it are dropped, so every character is equally likely
    private static final int UNBIASED_LIMIT = 256 - 256 % ALPHABET.length;

    private final SecureRandom random = NonBlockingRandom.create();

    @Override
    public String newToken() {
        return randomString();
    }

    @Override
    public String newId() {
        return randomString();
    }

    @Override
    public String newCode() {
        return "%06d".formatted(random.nextInt(1_000_000));
    }

    private String randomString() {
        StringBuilder out = new StringBuilder(LENGTH);
        byte[] buffer = new byte[LENGTH * 2];
        while (out.length() < LENGTH) {
            random.nextBytes(buffer);
            for (int i = 0; i < buffer.length && out.length() < LENGTH; i++) {
                int value = buffer[i] & 0xff;
                if (value < UNBIASED_LIMIT) {
                    out.append(ALPHABET[value % ALPHABET.length]);
                }
            }
        }
        return out.toString();
    }
}
