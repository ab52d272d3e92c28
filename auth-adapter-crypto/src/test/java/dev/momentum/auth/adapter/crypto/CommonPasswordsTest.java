package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    @Test
    void containsTheWellKnownOnesAndMoreThanTheThreeThousandAsvsAsksForThatPassALengthRuleOfEight() {
        assertThat(CommonPasswords.all().stream().filter(password -> password.length() >= 8)).hasSize(11_611);
        assertThat(CommonPasswords.contains("sunshine1")).isTrue();
        assertThat(CommonPasswords.contains("iloveyou")).isTrue();
        assertThat(CommonPasswords.contains("correct horse battery staple")).isFalse();
        assertThat(CommonPasswords.contains("Sunshine1")).as("the list is lower case").isFalse();
    }
}
