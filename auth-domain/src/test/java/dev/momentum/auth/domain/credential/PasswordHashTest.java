package dev.momentum.auth.domain.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void algorithmWhenPhcStringThenNamesIt() {
        assertThat(new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA").algorithm()).isEqualTo("argon2id");
    }

    @Test
    void toStringWhenPrintedThenHidesTheHash() {
        assertThat(new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA").toString())
                .doesNotContain("aGFzaA");
    }

    @Test
    void constructWhenNotPhcThenRejected() {
        assertThatThrownBy(() -> new PasswordHash("abcdef:0123")).isInstanceOf(IllegalArgumentException.class);
    }
}
