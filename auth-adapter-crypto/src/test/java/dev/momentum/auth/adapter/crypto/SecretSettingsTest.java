package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.support.SettingsReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretSettingsTest {

    static final String RANDOM = "q8Vn3xK1pZ7wR4tY6uB9mC2eL5hJ0sDf";

    @Test
    void readWhenUnsetThenEmptyOutsideProductionAndRequiredInIt() {
        var development = new SettingsReader(Map.<String, String>of()::get);
        var production = new SettingsReader(Map.<String, String>of()::get);

        assertThat(SecretSettings.read(development, false).current()).isEmpty();
        assertThat(development.problems()).isEmpty();
        SecretSettings.read(production, true);
        assertThat(production.problems()).singleElement().asString().startsWith("AUTH_SECRET is required in production");
    }

    @Test
    void readWhenBetterAuthsSecretAndPreviousOnesAreSetThenBothKeptAndNeitherPrinted() {
        var env = new SettingsReader(Map.of("BETTER_AUTH_SECRET", RANDOM, "AUTH_SECRET_PREVIOUS", RANDOM.toUpperCase())::get);

        var secrets = SecretSettings.read(env, true);

        assertThat(secrets.current()).contains(RANDOM);
        assertThat(secrets.previous()).containsExactly(RANDOM.toUpperCase());
        assertThat(env.problems()).isEmpty();
        assertThat(secrets.toString()).doesNotContain(RANDOM).doesNotContain(RANDOM.toUpperCase());
    }

    @Test
    void readWhenShortOrAPlaceholderThenEachProblemNamed() {
        var shortOnes = new SettingsReader(Map.of("AUTH_SECRET", "too-short", "AUTH_SECRET_PREVIOUS", "also-short")::get);
        var placeholder = new SettingsReader(Map.of("AUTH_SECRET", "change-me-change-me-change-me-change-me")::get);

        SecretSettings.read(shortOnes, false);
        SecretSettings.read(placeholder, true);

        assertThat(shortOnes.problems()).containsExactly(
                "AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)",
                "each of AUTH_SECRET_PREVIOUS must be at least 32 characters");
        assertThat(placeholder.problems()).singleElement().asString().startsWith("AUTH_SECRET is a placeholder");
    }
}
