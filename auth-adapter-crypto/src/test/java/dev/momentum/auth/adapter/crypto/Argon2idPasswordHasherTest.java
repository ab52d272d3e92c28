package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import de.mkammerer.argon2.Argon2Factory;
import dev.momentum.auth.application.error.HashingOverloadedException;
import dev.momentum.auth.domain.credential.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class Argon2idPasswordHasherTest {

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(Argon2Parameters.OWASP, 2, 16);

    @AfterEach
    void close() {
        hasher.close();
    }

    @Test
    void hashWhenOwaspParametersThenPhcStringNamesThem() {
        PasswordHash hash = hasher.hash("correct horse battery").block();

        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.needsRehash(hash)).isFalse();
    }

    @Test
    void matchesWhenSamePasswordThenTrueAndOtherwiseFalse() {
        PasswordHash hash = hasher.hash("correct horse battery").block();

        assertThat(hasher.matches("correct horse battery", hash).block()).isTrue();
        assertThat(hasher.matches("correct horse batterY", hash).block()).isFalse();
    }

    /** Made by Bouncy Castle through Spring Security's encoder, which hashed passwords before libargon2 (ADR-0037). */
    @Test
    void matchesWhenTheHashWasStoredByTheEarlierJavaHasherThenItStillMatches() {
        var storedBefore = new PasswordHash(
                "$argon2id$v=19$m=19456,t=2,p=1$TeWoOCzzu8mXWBWnAowGEw$AqQ3IW/7Y9c3fIpFA4eUucDHM0zvmCNmhvV+h23V7tA");

        assertThat(hasher.matches("correct horse battery staple", storedBefore).block()).isTrue();
        assertThat(hasher.matches("correct horse battery stapler", storedBefore).block()).isFalse();
    }

    @Test
    void matchesWhenTheStoredHashIsUnreadableThenFalseNotAnError() {
        assertThat(hasher.matches("anything", new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$not base64!$x")).block())
                .isFalse();
    }

    @Test
    void hashWhenSamePasswordTwiceThenSaltsDiffer() {
        assertThat(hasher.hash("same").block()).isNotEqualTo(hasher.hash("same").block());
    }

    @Test
    void matchesWhenCompatibilityFormOfSamePasswordThenTrueBecauseOfNfkc() {
        PasswordHash hash = hasher.hash("ﬁsh-and-chips").block();

        assertThat(hasher.matches("fish-and-chips", hash).block()).isTrue();
    }

    @Test
    void matchesNothingWhenAnyPasswordThenFalse() {
        assertThat(hasher.matchesNothing("anything").block()).isFalse();
    }

    /**
     * An unknown address must cost what a wrong password costs: one check on the pool, of a hash
     * libargon2 reads, so the key derivation really runs (an unreadable hash would fail at once).
     */
    @Test
    void matchesNothingWhenCheckedThenExactlyOneRealCheckLikeAWrongPassword() {
        PasswordHash stored = hasher.hash("correct horse battery").block();
        long before = settled();

        hasher.matches("wrong password", stored).block();
        long perWrongPassword = settled() - before;
        hasher.matchesNothing("wrong password").block();
        long perUnknownAddress = settled() - before - perWrongPassword;

        assertThat(perUnknownAddress).isEqualTo(perWrongPassword).isEqualTo(1);
        assertThat(Argon2Factory.createAdvanced(Argon2Types.ARGON2id).verify(hasher.decoy().encoded(),
                "wrong password".toCharArray(), StandardCharsets.UTF_8)).as("libargon2 reads the decoy").isFalse();
    }

    /**
     * What the pool has finished once it has finished all it was given: it counts a task finished
     * only after the task has handed back its result, so a count read at once may lag by one.
     */
    private long settled() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(5).toNanos();
        while (hasher.finishedOnThePool() < hasher.givenToThePool() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return hasher.finishedOnThePool();
    }

    @Test
    void decoyWhenBuiltThenHasTheConfiguredCostAndLengthsSoThatCheckingItCostsARealCheck() {
        String[] parts = hasher.decoy().encoded().split("\\$");

        assertThat(hasher.needsRehash(hasher.decoy())).isFalse();
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(Argon2Parameters.OWASP.saltLength());
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(Argon2Parameters.OWASP.hashLength());
    }

    @Test
    void needsRehashWhenWeakerParametersThenTrue() {
        var weak = new Argon2idPasswordHasher(new Argon2Parameters(4096, 1, 1, 16, 32), 1, 1);
        PasswordHash old = weak.hash("pw").block();
        weak.close();

        assertThat(hasher.needsRehash(old)).isTrue();
        assertThat(hasher.matches("pw", old).block()).isTrue();
    }

    @Test
    void hashWhenOffloadedThenRunsOnTheHashingPoolNotTheCaller() {
        String thread = Mono.fromCallable(() -> Thread.currentThread().getName())
                .flatMap(caller -> hasher.hash("pw").map(ignored -> Thread.currentThread().getName()))
                .block();

        assertThat(thread).startsWith("password-hashing-");
    }

    @Test
    void hashWhenPoolAndQueueFullThenOverloadedInsteadOfWaiting() {
        var tiny = new Argon2idPasswordHasher(Argon2Parameters.OWASP, 1, 1);
        List<Throwable> errors = new CopyOnWriteArrayList<>();

        Flux.range(0, 8)
                .flatMap(i -> tiny.hash("pw").doOnError(errors::add).onErrorResume(e -> Mono.empty()), 8)
                .blockLast();
        tiny.close();

        assertThat(errors).isNotEmpty().allMatch(HashingOverloadedException.class::isInstance);
    }
}
