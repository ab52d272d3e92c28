package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.persistence.Database;
import java.util.concurrent.CompletableFuture;

/**
 * The database once it is migrated. The service migrates it while Spring starts, and the beans
 * that need it wait here (ADR-0038).
 */
public record MigratedDatabase(CompletableFuture<Database> migration) {

    public Database await() {
        return migration.join();
    }
}
