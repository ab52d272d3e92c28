package dev.momentum.auth.domain.signing;

import java.time.Instant;
import java.util.Objects;

/**
 * One key pair's place in the rotation, without its key material.
 *
 * @param generation 1 for the first key, one more for each successor: two instances that rotate at
 *                   once both try to add the same generation, and only one can
 * @param activeFrom when it starts signing; until then it is only published
 */
public record SigningKey(String id, int generation, SigningAlgorithm algorithm, Instant createdAt,
                         Instant activeFrom) {

    public SigningKey {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(algorithm, "algorithm cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
        Objects.requireNonNull(activeFrom, "activeFrom cannot be null");
        if (generation < 1) {
            throw new IllegalArgumentException("generations start at 1");
        }
    }
}
