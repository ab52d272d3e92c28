package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomTokenGeneratorTest {

    private final RandomTokenGenerator generator = new RandomTokenGenerator();

    @Test
    void newTokenWhenGeneratedThen32AlphanumericCharacters() {
        assertThat(generator.newToken()).matches("[A-Za-z0-9]{32}");
        assertThat(generator.newId()).matches("[A-Za-z0-9]{32}");
    }

    @Test
    void newTokenWhenManyGeneratedThenAllDistinctAndEveryCharacterUsed() {
        Set<String> tokens = new HashSet<>();
        IntStream.range(0, 10_000).forEach(i -> tokens.add(generator.newToken()));

        assertThat(tokens).hasSize(10_000);
        assertThat(String.join("", tokens).chars().distinct().count()).isEqualTo(62);
    }
}
