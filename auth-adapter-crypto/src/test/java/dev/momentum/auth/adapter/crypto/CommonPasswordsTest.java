package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    @Test
    void containsTheWellKnownOnesAndMoreThanTheThreeThousandAsvsAsksForThatPassALengthRuleOfEight() {
        var common = CommonPasswords.read();

        assertThat(common.stream().filter(password -> password.length() >= 8)).hasSize(11_611);
        assertThat(common.contains("sunshine1")).isTrue();
        assertThat(common.contains("iloveyou")).isTrue();
        assertThat(common.contains("correct horse battery staple")).isFalse();
        assertThat(common.contains("Sunshine1")).as("the list is lower case").isFalse();
    }
}
