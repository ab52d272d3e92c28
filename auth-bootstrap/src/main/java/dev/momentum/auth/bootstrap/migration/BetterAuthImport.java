package dev.momentum.auth.bootstrap.migration;

import dev.momentum.auth.adapter.crypto.AesGcmSecretSealer;
import dev.momentum.auth.adapter.crypto.BetterAuthCiphers;
import dev.momentum.auth.adapter.persistence.BetterAuthImportPersistenceAdapter;
import dev.momentum.auth.adapter.persistence.BetterAuthSourcePersistenceAdapter;
import dev.momentum.auth.adapter.persistence.BetterAuthTables;
import dev.momentum.auth.adapter.persistence.Database;
import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.application.migration.BetterAuthImportService;
import dev.momentum.auth.application.migration.port.in.BetterAuthImportCommand;
import dev.momentum.auth.application.migration.port.in.BetterAuthImportResult;
import dev.momentum.auth.application.migration.port.out.BetterAuthSchemaException;
import dev.momentum.auth.bootstrap.config.DatabaseStartup;
import dev.momentum.auth.bootstrap.config.ServiceSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code migrate --from-better-auth [--dry-run]}: migrates this service's schema, then imports a
 * better-auth database into it (ADR-0040) and prints what it did. Exit codes: 0 done (rows it could
 * not take are listed, not fatal), 2 configuration, 3 a database failed, 4 the better-auth tables
 * are not of a shape it knows (nothing was written).
 */
public final class BetterAuthImport {

    /** Sealing purpose of what the import keeps secret (second factors, provider tokens). */
    public static final String SEALING_PURPOSE = "auth-service better-auth import v1";

    private static final Logger LOG = LoggerFactory.getLogger(BetterAuthImport.class);

    /**
     * @param source    better-auth's database when it is not ours (BETTER_AUTH_DATABASE_URL)
     * @param secrets   what better-auth encrypted under: BETTER_AUTH_SECRET, then ours and our previous ones
     */
    record Settings(Optional<DatabaseUrl> source, BetterAuthTables tables, Duration jwtLifetime, int pageSize,
                    List<String> secrets) {

        static Settings from(Function<String, String> environment, ServiceSettings service) {
            List<String> problems = new ArrayList<>();
            Optional<DatabaseUrl> source = Optional.empty();
            String sourceUrl = environment.apply("BETTER_AUTH_DATABASE_URL");
            if (sourceUrl != null && !sourceUrl.isBlank()) {
                try {
                    source = Optional.of(DatabaseUrl.parse(sourceUrl));
                } catch (IllegalArgumentException e) {
                    problems.add("BETTER_AUTH_DATABASE_URL: " + e.getMessage());
                }
            }
            BetterAuthTables tables = BetterAuthTables.DEFAULT;
            try {
                tables = BetterAuthTables.parse(Optional.ofNullable(environment.apply("BETTER_AUTH_TABLES")).orElse(""));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            Duration jwtLifetime = Duration.ofMinutes(15);
            String lifetime = environment.apply("BETTER_AUTH_JWT_LIFETIME");
            try {
                jwtLifetime = lifetime == null || lifetime.isBlank() ? jwtLifetime : DurationStyle.detectAndParse(lifetime);
            } catch (IllegalArgumentException e) {
                problems.add("BETTER_AUTH_JWT_LIFETIME must be a duration such as 15m, not '" + lifetime + "'");
            }
            int pageSize = 2000;
            String page = environment.apply("BETTER_AUTH_IMPORT_PAGE_SIZE");
            try {
                pageSize = page == null || page.isBlank() ? pageSize : Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1 || pageSize > 10_000) {
                problems.add("BETTER_AUTH_IMPORT_PAGE_SIZE must be a number from 1 to 10000");
            }
            if (service.usesEmbeddedDatabase()) {
                problems.add("migrate --from-better-auth writes PostgreSQL: set DATABASE_URL");
            }
            if (service.secrets().current().isEmpty()) {
                problems.add("migrate --from-better-auth needs the secret the service will run with (AUTH_SECRET or "
                        + "BETTER_AUTH_SECRET): it seals what it imports, and better-auth's session cookies verify "
                        + "only under better-auth's secret");
            }
            if (!problems.isEmpty()) {
                throw new ServiceSettings.InvalidConfigurationException(String.join("; ", problems));
            }
            Set<String> secrets = new LinkedHashSet<>();
            Optional.ofNullable(environment.apply("BETTER_AUTH_SECRET")).filter(secret -> !secret.isBlank())
                    .ifPresent(secrets::add);
            service.secrets().current().ifPresent(secrets::add);
            secrets.addAll(service.secrets().previous());
            return new Settings(source, tables, jwtLifetime, pageSize, List.copyOf(secrets));
        }
    }

    private BetterAuthImport() {
    }

    /** Runs the import as the command line asked; answers the process's exit code. */
    public static int run(ServiceSettings service, Function<String, String> environment, boolean dryRun) {
        try {
            long started = System.nanoTime();
            BetterAuthImportResult result = importOnce(service, environment, dryRun);
            report(result, Duration.ofNanos(System.nanoTime() - started));
            return 0;
        } catch (ServiceSettings.InvalidConfigurationException e) {
            LOG.error("Configuration error: {}", e.getMessage());
            return 2;
        } catch (BetterAuthSchemaException e) {
            LOG.error("Nothing imported: {}", e.getMessage());
            return 4;
        } catch (RuntimeException e) {
            LOG.error("The import stopped: {}. What was imported so far stays; run it again to finish.",
                    e.getMessage(), e);
            return 3;
        }
    }

    /**
     * Migrates this service's schema and imports once.
     *
     * @throws ServiceSettings.InvalidConfigurationException naming every problem of the settings
     * @throws BetterAuthSchemaException when better-auth's tables are not of a known shape; nothing was written
     */
    public static BetterAuthImportResult importOnce(ServiceSettings service, Function<String, String> environment,
                                                    boolean dryRun) {
        Settings settings = Settings.from(environment, service);
        Database target = DatabaseStartup.open(service);
        Database source = settings.source().map(url -> Database.postgres(url, Database.PoolSettings.DEFAULT))
                .orElse(target);
        try {
            DatabaseStartup.migrate(target, service.database().startupWait());
            var importer = new BetterAuthImportService(new BetterAuthSourcePersistenceAdapter(source, settings.tables()),
                    new BetterAuthImportPersistenceAdapter(target), new BetterAuthCiphers(settings.secrets()),
                    new AesGcmSecretSealer(service.secrets().current().orElseThrow(), service.secrets().previous(), SEALING_PURPOSE),
                    Clock.systemUTC());
            return importer.importAll(new BetterAuthImportCommand(dryRun, settings.pageSize(), settings.jwtLifetime()))
                    .block();
        } finally {
            if (source != target) {
                source.close();
            }
            target.close();
        }
    }

    private static void report(BetterAuthImportResult result, Duration took) {
        LOG.info("{} from better-auth ({} tables) in {} ms", result.dryRun() ? "Dry run: would import" : "Imported",
                result.flavour(), took.toMillis());
        result.tables().forEach((table, counts) -> LOG.info(
                "  {}: {} read, {} created, {} updated, {} unchanged, {} removed, {} skipped", table, counts.read(),
                counts.created(), counts.changed(), counts.read() - counts.created() - counts.changed() - counts.skipped(),
                counts.removed(), counts.skipped()));
        LOG.info("  users with a second factor: {} (a password alone does not sign them in)",
                result.usersWithSecondFactors());
        LOG.info("  users still on better-auth's password hash until their first sign-in here: {}",
                result.usersOnImportedPasswordHashes());
        LOG.info("  verification rows left behind (pending links and challenges, all short-lived): {}",
                result.verificationRowsLeftBehind());
        LOG.info("  rows not imported: {}", result.conflicts().size());
        result.conflicts().forEach(conflict -> LOG.warn("  not imported: {}", conflict));
    }
}
