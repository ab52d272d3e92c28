package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.persistence.Database;
import dev.momentum.auth.adapter.persistence.LiquibaseSchemaMigrator;
import dev.momentum.auth.adapter.persistence.LiquibaseSchemaMigrator.SchemaMigrationException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the configured database and migrates it, waiting for it to accept connections for at
 * most {@code wait}, with one log line per attempt. The one code path for migrations: the server
 * runs it at start, and {@code migrate} runs it alone (the container entrypoint, a separate job).
 */
public final class DatabaseStartup {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseStartup.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private DatabaseStartup() {
    }

    public static Database open(ServiceSettings settings) {
        return settings.database().url()
                .map(url -> Database.postgres(url, settings.database().pool()))
                .orElseGet(() -> Database.embedded(settings.dataDirectory().resolve("auth"), settings.database().pool()));
    }

    public static void migrate(Database database, Duration wait) {
        LOG.info("Migrating {} (waiting up to {} s for it to accept connections)", database, wait.toSeconds());
        long deadline = System.nanoTime() + wait.toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                new LiquibaseSchemaMigrator(database).migrate();
                return;
            } catch (SchemaMigrationException e) {
                if (!e.isConnectionFailure() || System.nanoTime() + RETRY_PAUSE.toNanos() > deadline) {
                    throw e;
                }
                LOG.warn("Database not reachable yet (attempt {}, waiting up to {} s): {}", attempt,
                        wait.toSeconds(), e.getMessage());
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
