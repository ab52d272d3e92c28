package dev.momentum.auth.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @Test
    void parseWhenMixedCaseThenLowerCasesAndStrips() {
        assertThat(EmailAddress.parse("  Ada.Lovelace@Example.COM ")).contains(new EmailAddress("ada.lovelace@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "@example.com", "a@.com", ".a@example.com", "a..b@example.com",
            "a@example.com\r\nBcc: x@evil.com", "a b@example.com", "a@exa mple.com", "ä@example.com"})
    void parseWhenMalformedThenEmpty(String raw) {
        assertThat(EmailAddress.parse(raw)).isEmpty();
    }

    @Test
    void parseWhenNullThenEmpty() {
        assertThat(EmailAddress.parse(null)).isEmpty();
    }

    @Test
    void parseWhenLongerThan254ThenEmpty() {
        String local = "a".repeat(64);
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com";
        assertThat(EmailAddress.parse(local + "@" + domain)).isEmpty();
    }

    @Test
    void constructWhenUpperCaseThenRejected() {
        assertThatThrownBy(() -> new EmailAddress("Ada@example.com")).isInstanceOf(IllegalArgumentException.class);
    }
}
