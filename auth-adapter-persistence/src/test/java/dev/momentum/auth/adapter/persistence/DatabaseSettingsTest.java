package dev.momentum.auth.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.support.SettingsReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    @Test
    void readWhenNoUrlThenEmbeddedOutsideProductionAndRefusedInIt() {
        var development = new SettingsReader(Map.<String, String>of()::get);
        var production = new SettingsReader(Map.<String, String>of()::get);

        assertThat(DatabaseSettings.read(development, false).embedded()).isTrue();
        DatabaseSettings.read(production, true);

        assertThat(development.problems()).isEmpty();
        assertThat(production.problems()).singleElement().asString().startsWith("DATABASE_URL is required in production");
    }

    @Test
    void readWhenAUrlAndAWaitThenBothWithoutThePasswordInItsText() {
        var env = new SettingsReader(Map.of("DATABASE_URL", "postgres://auth:s3cret@db:5432/auth",
                "DATABASE_WAIT_SECONDS", "5", "AUTH_SKIP_MIGRATIONS", "true")::get);

        DatabaseSettings database = DatabaseSettings.read(env, true);

        assertThat(database.url()).hasValueSatisfying(url -> assertThat(url.host()).isEqualTo("db"));
        assertThat(database.startupWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(database.skipMigrations()).isTrue();
        assertThat(database.toString()).doesNotContain("s3cret");
        assertThat(env.problems()).isEmpty();
    }

    @Test
    void readWhenTheUrlIsNoPostgresUrlThenAProblem() {
        var env = new SettingsReader(Map.of("DATABASE_URL", "mysql://db/auth")::get);

        DatabaseSettings.read(env, false);

        assertThat(env.problems()).hasSize(1);
    }
}
