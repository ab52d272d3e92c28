package dev.momentum.auth.domain.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.domain.signing.KeyRotation.Successor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyRotationTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final KeyRotation ROTATION = new KeyRotation(Duration.ofDays(30), Duration.ofMinutes(10),
            Duration.ofMinutes(15), Duration.ofMinutes(10));

    private static SigningKey key(int generation, Instant activeFrom) {
        return new SigningKey("k" + generation, generation, SigningAlgorithm.ES256, activeFrom, activeFrom);
    }

    @Test
    void successorDueAtWhenNoKeyThenTheFirstSignsAtOnce() {
        assertThat(ROTATION.successorDueAt(List.of(), T0)).contains(new Successor(1, T0));
    }

    @Test
    void successorDueAtWhenThePeriodIsNotNearlyOverThenNone() {
        List<SigningKey> keys = List.of(key(1, T0));

        assertThat(ROTATION.successorDueAt(keys, T0.plus(Duration.ofDays(29)))).isEmpty();
        assertThat(ROTATION.successorDueAt(keys, T0.plus(Duration.ofDays(30)).minus(Duration.ofMinutes(11)))).isEmpty();
    }

    @Test
    void successorDueAtWhenThePeriodIsNearlyOverThenOneThatTakesOverAtItsEnd() {
        Instant due = T0.plus(Duration.ofDays(30)).minus(Duration.ofMinutes(10));

        assertThat(ROTATION.successorDueAt(List.of(key(1, T0)), due))
                .contains(new Successor(2, T0.plus(Duration.ofDays(30))));
    }

    @Test
    void successorDueAtWhenLongOverdueThenItStillWaitsThePublishLead() {
        Instant late = T0.plus(Duration.ofDays(90));

        assertThat(ROTATION.successorDueAt(List.of(key(1, T0)), late))
                .contains(new Successor(2, late.plus(Duration.ofMinutes(10))));
    }

    @Test
    void successorDueAtWhenASuccessorIsAlreadyWaitingThenNone() {
        Instant takeOver = T0.plus(Duration.ofDays(30));
        List<SigningKey> keys = List.of(key(1, T0), key(2, takeOver));

        assertThat(ROTATION.successorDueAt(keys, takeOver.minus(Duration.ofMinutes(5)))).isEmpty();
    }

    @Test
    void signingKeyAtThenTheNewestActiveKeyNotAWaitingOne() {
        Instant takeOver = T0.plus(Duration.ofDays(30));
        List<SigningKey> keys = List.of(key(1, T0), key(2, takeOver));

        assertThat(ROTATION.signingKeyAt(keys, takeOver.minusMillis(1))).contains(keys.get(0));
        assertThat(ROTATION.signingKeyAt(keys, takeOver)).contains(keys.get(1));
        assertThat(ROTATION.signingKeyAt(List.of(), T0)).isEmpty();
    }

    @Test
    void publishedAtThenWaitingKeysAtOnceAndRetiredKeysUntilTheirLastTokensAndCachesExpired() {
        Instant takeOver = T0.plus(Duration.ofDays(30));
        List<SigningKey> keys = List.of(key(1, T0), key(2, takeOver));
        Instant lastUse = takeOver.plus(Duration.ofMinutes(25));

        assertThat(ROTATION.publishedAt(keys, takeOver.minus(Duration.ofMinutes(10)))).containsExactlyElementsOf(keys);
        assertThat(ROTATION.publishedAt(keys, lastUse.minusMillis(1))).containsExactlyElementsOf(keys);
        assertThat(ROTATION.publishedAt(keys, lastUse)).containsExactly(keys.get(1));
    }
}
