package dev.momentum.auth.domain.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class TotpCheckTest {

    static final Instant NOW = Instant.ofEpochSecond(59);
    static final LongFunction<String> CODES = step -> String.format("%06d", 100_000 + step);

    /** {@link #CODES}, noting each step a code was computed for. */
    static LongFunction<String> recording(List<Long> computed) {
        return step -> {
            computed.add(step);
            return CODES.apply(step);
        };
    }

    @Test
    void stepAtWhenInstantsOfRfc6238ThenItsCounters() {
        assertThat(TotpCheck.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(TotpCheck.stepAt(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
        assertThat(TotpCheck.stepAt(Instant.ofEpochSecond(20000000000L))).isEqualTo(0x27BC86AA);
    }

    @Test
    void acceptedStepWhenTheCodeOfTheStepBeforeNowOrAfterThenThatStepAndNoFurther() {
        assertThat(TotpCheck.acceptedStep("100000", NOW, OptionalLong.empty(), CODES)).hasValue(0);
        assertThat(TotpCheck.acceptedStep("100001", NOW, OptionalLong.empty(), CODES)).hasValue(1);
        assertThat(TotpCheck.acceptedStep("100002", NOW, OptionalLong.empty(), CODES)).hasValue(2);
        assertThat(TotpCheck.acceptedStep("100003", NOW, OptionalLong.empty(), CODES)).as("two steps ahead").isEmpty();
    }

    @Test
    void acceptedStepWhenTheStepWasAcceptedBeforeThenRefusedAndAnEarlierOneToo() {
        assertThat(TotpCheck.acceptedStep("100001", NOW, OptionalLong.of(1), CODES)).as("replayed").isEmpty();
        assertThat(TotpCheck.acceptedStep("100000", NOW, OptionalLong.of(1), CODES)).as("older").isEmpty();
        assertThat(TotpCheck.acceptedStep("100002", NOW, OptionalLong.of(1), CODES)).hasValue(2);
    }

    @Test
    void acceptedStepWhenNotSixDigitsThenRefusedWithoutComputingACode() {
        List<Long> computed = new ArrayList<>();
        LongFunction<String> counting = recording(computed);

        for (String malformed : new String[] {null, "", "10000", "1000011", "10000a", " 100001", "１００００１"}) {
            assertThat(TotpCheck.acceptedStep(malformed, NOW, OptionalLong.empty(), counting)).as(malformed).isEmpty();
        }
        assertThat(computed).isEmpty();
    }

    @Test
    void acceptedStepWhenAnyCodeIsPresentedThenEveryStepOfTheWindowIsCompared() {
        List<Long> computed = new ArrayList<>();

        TotpCheck.acceptedStep("100000", NOW, OptionalLong.empty(), recording(computed));

        assertThat(computed).containsExactly(0L, 1L, 2L);
    }

    @Test
    void toStringWhenPrintedThenTheSecretIsHidden() {
        assertThat(new TotpSecret("JBSWY3DPEHPK3PXP")).hasToString("TotpSecret[redacted]");
    }
}
