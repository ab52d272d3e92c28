package dev.momentum.auth.domain.signing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When signing keys are made, sign, and stop being published.
 * <ul>
 *   <li>The newest key whose {@code activeFrom} has come signs.</li>
 *   <li>A successor is made {@code publishLead} before the signing key has served
 *       {@code rotationPeriod}, and published at once but signs only from its {@code activeFrom}: by
 *       then every instance has loaded it and every verifier's cached key set lists it.</li>
 *   <li>A key stays published until {@code tokenLifetime + cacheMargin} after its successor took
 *       over: no token it signed can still be valid, nor be checked against a stale key set.</li>
 * </ul>
 * The first key signs at once: no verifier can have cached a key set without it.
 */
public record KeyRotation(Duration rotationPeriod, Duration publishLead, Duration tokenLifetime,
                          Duration cacheMargin) {

    public KeyRotation {
        Objects.requireNonNull(rotationPeriod, "rotationPeriod cannot be null");
        Objects.requireNonNull(publishLead, "publishLead cannot be null");
        Objects.requireNonNull(tokenLifetime, "tokenLifetime cannot be null");
        Objects.requireNonNull(cacheMargin, "cacheMargin cannot be null");
        if (publishLead.compareTo(rotationPeriod) >= 0) {
            throw new IllegalArgumentException("a key must sign longer than it is published ahead");
        }
    }

    public Optional<SigningKey> signingKeyAt(List<SigningKey> keys, Instant now) {
        return keys.stream().filter(key -> !key.activeFrom().isAfter(now))
                .max(Comparator.comparingInt(SigningKey::generation));
    }

    /** The successor to make now, if one is due: its generation and when it starts signing. */
    public Optional<Successor> successorDueAt(List<SigningKey> keys, Instant now) {
        Optional<SigningKey> newest = keys.stream().max(Comparator.comparingInt(SigningKey::generation));
        if (newest.isEmpty()) {
            return Optional.of(new Successor(1, now));
        }
        SigningKey last = newest.get();
        Instant takeOver = last.activeFrom().plus(rotationPeriod);
        if (last.activeFrom().isAfter(now) || now.isBefore(takeOver.minus(publishLead))) {
            return Optional.empty();
        }
        Instant earliest = now.plus(publishLead);
        return Optional.of(new Successor(last.generation() + 1, takeOver.isAfter(earliest) ? takeOver : earliest));
    }

    /** The keys a verifier may still need, oldest first. */
    /** A successor that signs from {@code now}: an administrator's rotation, when a key may be compromised. */
    public Successor immediateSuccessor(List<SigningKey> keys, Instant now) {
        return new Successor(keys.stream().mapToInt(SigningKey::generation).max().orElse(0) + 1, now);
    }

    public List<SigningKey> publishedAt(List<SigningKey> keys, Instant now) {
        return keys.stream().sorted(Comparator.comparingInt(SigningKey::generation))
                .filter(key -> retiredAt(keys, key).map(retired -> now.isBefore(retired)).orElse(true))
                .toList();
    }

    private Optional<Instant> retiredAt(List<SigningKey> keys, SigningKey key) {
        return keys.stream().filter(other -> other.generation() == key.generation() + 1).findFirst()
                .map(successor -> successor.activeFrom().plus(tokenLifetime).plus(cacheMargin));
    }

    public record Successor(int generation, Instant activeFrom) {
    }
}
