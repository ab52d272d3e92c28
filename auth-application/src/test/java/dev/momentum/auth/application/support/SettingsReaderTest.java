package dev.momentum.auth.application.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {

    @Test
    void parseDurationWhenEitherStyleThenTheDurationAndOtherwiseEmpty() {
        assertThat(SettingsReader.parseDuration("500ms")).contains(Duration.ofMillis(500));
        assertThat(SettingsReader.parseDuration(" 10m ")).contains(Duration.ofMinutes(10));
        assertThat(SettingsReader.parseDuration("7d")).contains(Duration.ofDays(7));
        assertThat(SettingsReader.parseDuration("250")).contains(Duration.ofMillis(250));
        assertThat(SettingsReader.parseDuration("PT1H30M")).contains(Duration.ofMinutes(90));
        assertThat(SettingsReader.parseDuration("5 minutes")).isEmpty();
        assertThat(SettingsReader.parseDuration("5y")).isEmpty();
    }

    @Test
    void readWhenValuesAreUnusableThenFallbacksAndEveryProblemNamed() {
        var env = new SettingsReader(Map.of("A", "soon", "B", "0s", "C", "0s", "D", "x", "E", " a, ,b ")::get);

        assertThat(env.duration("A", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(env.duration("B", Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(env.durationOrZero("C", Duration.ofSeconds(1))).isZero();
        assertThat(env.integer("D", 3)).isEqualTo(3);
        assertThat(env.list("E")).containsExactly("a", "b");
        assertThat(env.flag("UNSET", true)).isTrue();
        assertThat(env.problems()).containsExactly(
                "A must be a positive duration such as 5s, 10m or 1h, not 'soon'",
                "B must be a positive duration such as 5s, 10m or 1h, not '0s'",
                "D must be a number, not 'x'");
    }
}
