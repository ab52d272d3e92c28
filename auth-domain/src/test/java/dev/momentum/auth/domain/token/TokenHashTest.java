package dev.momentum.auth.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenHashTest {

    @Test
    void ofWhenKnownInputThenSha256Hex() {
        assertThat(TokenHash.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void toStringWhenPrintedThenShowsOnlyAPrefix() {
        assertThat(TokenHash.of("abc").toString()).isEqualTo("TokenHash[ba7816bf…]");
    }
}
