package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.support.SettingsReader;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the data lives, read from the deployer's environment.
 *
 * @param url empty: the embedded database, which production refuses
 * @param startupWait how long startup waits for the database to answer
 * @param skipMigrations true when the deployer migrates the schema themselves
 * @param poolSize the most connections one instance holds for requests (PostgreSQL's
 *                 {@code max_connections} must cover every instance's, docs/operations.md)
 */
public record DatabaseSettings(Optional<DatabaseUrl> url, Duration startupWait, boolean skipMigrations, int poolSize) {

    private static final int MOST_CONNECTIONS = 500;

    public static DatabaseSettings read(SettingsReader env, boolean production) {
        Optional<DatabaseUrl> url = Optional.empty();
        Optional<String> raw = env.text("DATABASE_URL");
        if (raw.isPresent()) {
            try {
                url = Optional.of(DatabaseUrl.parse(raw.get()));
            } catch (IllegalArgumentException e) {
                env.problem(e.getMessage());
            }
        } else if (production) {
            env.problem("DATABASE_URL is required in production (postgres://user:password@host:5432/database)");
        }
        int poolSize = env.integer("DATABASE_POOL_SIZE", Database.PoolSettings.DEFAULT.maxSize());
        if (poolSize < 1 || poolSize > MOST_CONNECTIONS) {
            env.problem("DATABASE_POOL_SIZE must be between 1 and " + MOST_CONNECTIONS + ", not " + poolSize);
        }
        return new DatabaseSettings(url, Duration.ofSeconds(env.integer("DATABASE_WAIT_SECONDS", 30)),
                Boolean.parseBoolean(env.text("AUTH_SKIP_MIGRATIONS").orElse("false")), poolSize);
    }

    /** The default pool, at this instance's size. */
    public Database.PoolSettings pool() {
        return Database.PoolSettings.DEFAULT.withMaxSize(poolSize);
    }

    public boolean embedded() {
        return url.isEmpty();
    }

    @Override
    public String toString() {
        return url.map(Object::toString).orElse("embedded");
    }
}
