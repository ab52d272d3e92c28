package dev.momentum.auth.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** main() in production mode without a database or with a weak secret: exit 2 and one line naming what is wrong. */
class ProductionRefusalIT {

    private record Outcome(int exitCode, List<String> lines) {
    }

    private static Outcome runMain(String... environment) throws Exception {
        Path output = Files.createTempFile("auth-service", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.momentum.auth.bootstrap.AuthServiceApplication")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("AUTH_") || name.startsWith("DATABASE")
                || name.startsWith("BETTER_AUTH") || name.startsWith("RESEND") || name.startsWith("MAIL"));
        for (int i = 0; i < environment.length; i += 2) {
            builder.environment().put(environment[i], environment[i + 1]);
        }
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
        return new Outcome(process.exitValue(), Files.readAllLines(output).stream().filter(l -> !l.isBlank()).toList());
    }

    @Test
    void mainWhenProductionWithoutDatabaseUrlThenExitsWithOneLine() throws Exception {
        Outcome outcome = runMain("APP_ENV", "production", "AUTH_SECRET", "v8Jx2qL0pZrT5mNc7yWb3eHk9sAdFgU1",
                "RESEND_API_KEY", "re_1");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.lines()).hasSize(1);
        assertThat(outcome.lines().getFirst()).contains("Configuration error: DATABASE_URL is required in production");
    }

    @Test
    void mainWhenProductionWithWeakSecretThenExitsWithOneLine() throws Exception {
        Outcome outcome = runMain("APP_ENV", "production", "DATABASE_URL", "postgres://u:p@127.0.0.1:1/auth",
                "AUTH_SECRET", "too-short", "RESEND_API_KEY", "re_1");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.lines()).hasSize(1);
        assertThat(outcome.lines().getFirst()).contains("AUTH_SECRET must be at least 32 characters")
                .doesNotContain("too-short");
    }
}
