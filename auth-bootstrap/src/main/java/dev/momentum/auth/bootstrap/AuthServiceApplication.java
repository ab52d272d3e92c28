package dev.momentum.auth.bootstrap;

import dev.momentum.auth.adapter.persistence.Database;
import dev.momentum.auth.adapter.persistence.LiquibaseSchemaMigrator.SchemaMigrationException;
import dev.momentum.auth.bootstrap.config.DatabaseStartup;
import dev.momentum.auth.bootstrap.config.LogFormat;
import dev.momentum.auth.bootstrap.config.MigratedDatabase;
import dev.momentum.auth.bootstrap.config.ServiceSettings;
import dev.momentum.auth.bootstrap.config.ServiceSettings.InvalidConfigurationException;
import dev.momentum.auth.bootstrap.config.ServiceWiring;
import dev.momentum.auth.bootstrap.migration.BetterAuthImport;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import sun.misc.Signal;

/**
 * The service. {@code java -jar auth-service.jar} serves; {@code … migrate} only migrates the
 * database (waiting for it) and exits; {@code … migrate --from-better-auth [--dry-run]} migrates it
 * and imports a better-auth database into it ({@link BetterAuthImport}). Configuration is read and checked before Spring starts, so
 * a misconfigured deployment stops with one line that names every problem instead of a stack
 * trace. There is no component scan: {@link ServiceWiring} names every part.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(exclude = ReactiveUserDetailsServiceAutoConfiguration.class)
@Import(ServiceWiring.class)
public class AuthServiceApplication {

    private static final Logger LOG = LoggerFactory.getLogger(AuthServiceApplication.class);

    public static void main(String[] args) {
        ServiceSettings settings;
        try {
            settings = ServiceSettings.from(System::getenv);
        } catch (InvalidConfigurationException e) {
            LOG.error("Configuration error: {}", e.getMessage());
            System.exit(2);
            return;
        }
        LogFormat.applyBeforeSpring(settings);
        if (args.length > 1 && "migrate".equals(args[0]) && "--from-better-auth".equals(args[1])) {
            LogFormat.routeJdkLoggingBeforeSpring();
            boolean dryRun = List.of(args).contains("--dry-run");
            System.exit(BetterAuthImport.run(settings, System::getenv, dryRun));
            return;
        }
        if (args.length > 0 && "migrate".equals(args[0])) {
            Database database = DatabaseStartup.open(settings);
            int migrated = migrate(database, settings);
            database.close();
            System.exit(migrated);
            return;
        }
        if (settings.database().skipMigrations() || aotProcessing()) {
            exitZeroOnTermination(start(settings, CompletableFuture.completedFuture(DatabaseStartup.open(settings)), args),
                    settings.shutdownDelay());
            return;
        }
        // the database is migrated while Spring starts: Spring waits for it only where a bean first
        // needs it, and opens its port only after every bean is made (ADR-0038)
        CompletableFuture<Database> migrated = new CompletableFuture<>();
        Thread.ofPlatform().name("migration").start(() -> {
            try {
                migrated.complete(migratedOrHalt(settings));
            } catch (RuntimeException | Error e) {
                migrated.completeExceptionally(e);
            }
        });
        exitZeroOnTermination(start(settings, migrated, args), settings.shutdownDelay());
    }

    /** The service on a database it migrates first (unless the settings say it is migrated), as tests start it. */
    public static ConfigurableApplicationContext start(ServiceSettings settings, String... args) {
        LogFormat.applyBeforeSpring(settings);
        Database database = DatabaseStartup.open(settings);
        try {
            if (!settings.database().skipMigrations()) {
                DatabaseStartup.migrate(database, settings.database().startupWait());
            }
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return start(settings, CompletableFuture.completedFuture(database), args);
    }

    /**
     * The service on a database that is migrated once the future completes, which it closes when
     * it stops, after the last request.
     */
    private static ConfigurableApplicationContext start(ServiceSettings settings, CompletableFuture<Database> migrated,
                                                        String... args) {
        if (!aotProcessing()) {
            // the pool's first connection is made while Spring starts, not by the first request
            migrated.thenAccept(Database::warmUp);
        }
        SpringApplication application = new SpringApplication(AuthServiceApplication.class);
        application.addInitializers(context -> {
            var beans = (DefaultListableBeanFactory) context.getBeanFactory();
            beans.registerSingleton("serviceSettings", settings);
            beans.registerSingleton("database", new MigratedDatabase(migrated));
            beans.registerDisposableBean("database", () -> migrated.thenAccept(Database::close));
        });
        Map<String, Object> properties = new HashMap<>(LogFormat.springProperties(settings));
        properties.put("server.port", String.valueOf(settings.port()));
        application.setDefaultProperties(properties);
        return application.run(args);
    }

    /** The build's AOT processing runs main() to see the application's beans; it must not touch a database. */
    private static boolean aotProcessing() {
        return Boolean.getBoolean("spring.aot.processing");
    }

    /**
     * A migrated database, or the process ends with {@link #migrate}'s line and code. It halts
     * rather than exits: Spring is starting on the main thread and waits for this database, so
     * there is nothing to stop gracefully, and Spring's shutdown hook would wait for that start.
     */
    private static Database migratedOrHalt(ServiceSettings settings) {
        Database database = DatabaseStartup.open(settings);
        int migrated = migrate(database, settings);
        if (migrated != 0) {
            database.close();
            Runtime.getRuntime().halt(migrated);
        }
        return database;
    }

    private static int migrate(Database database, ServiceSettings settings) {
        try {
            DatabaseStartup.migrate(database, settings.database().startupWait());
            return 0;
        } catch (SchemaMigrationException e) {
            if (e.isConnectionFailure()) {
                LOG.error("The database did not accept connections within {} s (DATABASE_WAIT_SECONDS), giving up: {}",
                        settings.database().startupWait().toSeconds(), e.getMessage());
            } else {
                LOG.error("Migration failed: {}", e.getMessage());
            }
            return 3;
        }
    }

    /**
     * SIGTERM (docker stop, a pod's deletion) and SIGINT first turn readiness off and keep serving
     * for SHUTDOWN_DELAY, so a load balancer's next checks take this instance out before it stops
     * accepting (ADR-0058); then the context closes, which lets in-flight requests finish (graceful
     * shutdown), and the process exits 0: a requested stop is not a failure. The JVM alone would
     * exit 143. A second signal while stopping changes nothing.
     */
    private static void exitZeroOnTermination(ConfigurableApplicationContext context, Duration shutdownDelay) {
        AtomicBoolean stopping = new AtomicBoolean();
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                if (!stopping.compareAndSet(false, true)) {
                    return;
                }
                AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
                if (shutdownDelay.isPositive()) {
                    LOG.info("SIG{} received: not ready; serving {} ms more while load balancers notice", name,
                            shutdownDelay.toMillis());
                    sleep(shutdownDelay);
                }
                LOG.info("SIG{} received: finishing in-flight requests, then stopping", name);
                System.exit(SpringApplication.exit(context));
            });
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
