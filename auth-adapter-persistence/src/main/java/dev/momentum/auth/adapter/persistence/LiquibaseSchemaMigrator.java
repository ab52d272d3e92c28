package dev.momentum.auth.adapter.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with the changelog on the classpath. Idempotent: applied
 * changesets are skipped. Safe with several instances starting at once: on PostgreSQL the whole
 * run holds a session-level advisory lock, so the others wait and then find nothing to do.
 * Liquibase's own DATABASECHANGELOGLOCK is not enough on an empty database: two instances
 * raced to create its tables before either held that lock (seen in PostgresPersistenceIT).
 * A complete run records the changelog's fingerprint; a start that finds it recorded skips
 * Liquibase, whose start-up alone costs most of a second (ADR-0007).
 */
public final class LiquibaseSchemaMigrator {

    public static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
    /** An arbitrary constant naming "auth-service schema migration" among PostgreSQL advisory locks. */
    static final long MIGRATION_LOCK = 0x6175746d6967L;
    private static final Logger LOG = LoggerFactory.getLogger(LiquibaseSchemaMigrator.class);

    private final Database database;

    public LiquibaseSchemaMigrator(Database database) {
        this.database = Objects.requireNonNull(database, "database cannot be null");
    }

    public void migrate() {
        long started = System.nanoTime();
        String fingerprint = ChangelogFingerprint.of(CHANGELOG);
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            if (isRecorded(connection, fingerprint)) {
                LOG.info("Database schema is up to date ({}; changelog {} recorded; {} ms)", database,
                        fingerprint.substring(0, 12), (System.nanoTime() - started) / 1_000_000);
                return;
            }
            boolean postgres = database.jdbcUrl().startsWith("jdbc:postgresql:");
            if (postgres) {
                try (var lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    lock.setLong(1, MIGRATION_LOCK);
                    lock.execute();
                }
            }
            var liquibaseDatabase = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Map<String, Object> scope = Map.of(
                    Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(getClass().getClassLoader()),
                    Scope.Attr.ui.name(), new LoggerUIService(),
                    "liquibase.analytics.enabled", false,
                    "liquibase.showBanner", false);
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, liquibaseDatabase)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
                    .execute());
            record(connection, fingerprint);
        } catch (SQLException e) {
            throw new SchemaMigrationException("cannot connect to " + database + " to migrate it: " + e.getMessage(), e,
                    true);
        } catch (Exception e) {
            throw new SchemaMigrationException("migrating " + database + " failed: " + e.getMessage(), e, false);
        }
        LOG.info("Database schema is up to date ({}; {} ms)", database, (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean isRecorded(Connection connection, String fingerprint) {
        try (var query = connection.prepareStatement("SELECT 1 FROM schema_fingerprints WHERE fingerprint = ?")) {
            query.setString(1, fingerprint);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException tableNotYetCreated) {
            return false;
        }
    }

    /** Under the migration lock on PostgreSQL, so the check and insert cannot interleave. */
    private static void record(Connection connection, String fingerprint) throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO schema_fingerprints (fingerprint, recorded_at) SELECT ?, CURRENT_TIMESTAMP
                WHERE NOT EXISTS (SELECT 1 FROM schema_fingerprints WHERE fingerprint = ?)""")) {
            insert.setString(1, fingerprint);
            insert.setString(2, fingerprint);
            insert.executeUpdate();
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    public static final class SchemaMigrationException extends RuntimeException {

        private final boolean connectionFailure;

        SchemaMigrationException(String message, Throwable cause, boolean connectionFailure) {
            super(message, cause);
            this.connectionFailure = connectionFailure;
        }

        /** True when the database could not be reached at all, so trying again later may succeed. */
        public boolean isConnectionFailure() {
            return connectionFailure;
        }
    }
}
