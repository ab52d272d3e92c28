package dev.momentum.auth.adapter.persistence;

import io.r2dbc.h2.H2ConnectionConfiguration;
import io.r2dbc.h2.H2ConnectionFactory;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import io.r2dbc.postgresql.client.SSLMode;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The database the service runs on: a pool of R2DBC connections for requests, and the JDBC
 * coordinates Liquibase needs to migrate it. Either PostgreSQL, or (development default) an
 * embedded H2 file database in PostgreSQL mode that the same changelog migrates.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** H2 settings that make it answer the service's SQL the way PostgreSQL does. */
    private static final String H2_POSTGRES_MODE = "MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";

    /** How the connection that listens for change notices shows in {@code pg_stat_activity}. */
    static final String CHANGE_NOTICES_APPLICATION_NAME = "auth-service (change notices)";

    private final Supplier<ConnectionFactory> connections;
    private final PostgresqlConnectionConfiguration changeNotices;
    private final PoolSettings settings;
    private ConnectionPool pool;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final String description;
    private volatile Consumer<String> ownNotices = userId -> { };

    private Database(Supplier<ConnectionFactory> connections, PostgresqlConnectionConfiguration changeNotices,
                     PoolSettings settings, String jdbcUrl, String username, String password, String description) {
        this.connections = connections;
        this.changeNotices = changeNotices;
        this.settings = settings;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.description = description;
    }

    public static Database postgres(DatabaseUrl url, PoolSettings settings) {
        Objects.requireNonNull(url, "url cannot be null");
        var builder = PostgresqlConnectionConfiguration.builder()
                .host(url.host())
                .port(url.port())
                .database(url.database())
                .username(url.username() == null ? "postgres" : url.username())
                .connectTimeout(settings.connectTimeout())
                // the server gives up when we do, so a query we stopped waiting for frees its connection and locks
                .statementTimeout(settings.queryTimeout())
                .sslMode(SSLMode.fromValue(url.sslMode()))
                .applicationName("auth-service")
                .preparedStatementCacheQueries(256)
                // timestamps as 8 bytes instead of text: parsing them was 6 % of get-session's CPU
                .forceBinary(true);
        if (url.password() != null) {
            builder.password(url.password());
        }
        var configuration = builder.build();
        var listening = builder.applicationName(CHANGE_NOTICES_APPLICATION_NAME).build();
        return new Database(() -> new PostgresqlConnectionFactory(configuration), listening, settings, url.jdbcUrl(),
                url.username(), url.password(), url.toString());
    }

    public static Database embedded(Path file, PoolSettings settings) {
        String path = file.toAbsolutePath().toString();
        var configuration = H2ConnectionConfiguration.builder().file(path);
        for (String option : H2_POSTGRES_MODE.split(";")) {
            String[] pair = option.split("=", 2);
            configuration.property(pair[0], pair[1]);
        }
        return new Database(() -> new H2ConnectionFactory(configuration.build()), null, settings,
                "jdbc:h2:file:" + path + ";" + H2_POSTGRES_MODE, "", "", "embedded H2 at " + path);
    }

    /** The pool and its client are made on first use: migrating before Spring starts needs only JDBC. */
    public synchronized ConnectionFactory connectionFactory() {
        if (pool == null) {
            ConnectionFactory made = connections.get();
            var configuration = ConnectionPoolConfiguration.builder(
                            changeNotices == null ? made : listeningToOwnNotices(made))
                    .name("auth")
                    .initialSize(0)
                    .maxSize(settings.maxSize())
                    .maxAcquireTime(settings.acquireTimeout())
                    .customizer(pool -> pool.maxPendingAcquire(settings.maxWaiting()))
                    .maxCreateConnectionTime(settings.connectTimeout())
                    .maxIdleTime(Duration.ofMinutes(10))
                    .maxLifeTime(Duration.ofHours(1))
                    .maxValidationTime(settings.connectTimeout());
            pool = new ConnectionPool(configuration.build());
        }
        return pool;
    }

    /** Where the pooled connections hand the notices of the changes they made themselves (ADR-0042). */
    void onOwnNotices(Consumer<String> listener) {
        this.ownNotices = Objects.requireNonNull(listener, "listener cannot be null");
    }

    /**
     * Makes each new PostgreSQL connection, before the pool hands it out, listen to the channel the
     * triggers notify with its own backend pid: PostgreSQL hands a session its own notices before it
     * reports the write done. Once per connection, when it is made: the pool's post-allocate hook
     * would run on every acquire (two more round trips each, and one more subscriber each time).
     */
    private ConnectionFactory listeningToOwnNotices(ConnectionFactory made) {
        return new ConnectionFactory() {
            @Override
            public Publisher<? extends Connection> create() {
                return Mono.from(made.create()).flatMap(connection -> hearOwnNotices(connection)
                        .thenReturn(connection)
                        .onErrorResume(failure -> Mono.from(connection.close()).then(Mono.error(failure))));
            }

            @Override
            public ConnectionFactoryMetadata getMetadata() {
                return made.getMetadata();
            }
        };
    }

    private Mono<Void> hearOwnNotices(Connection made) {
        if (!(made instanceof PostgresqlConnection postgres)) {
            return Mono.error(new IllegalStateException("not a PostgreSQL connection: " + made));
        }
        postgres.getNotifications().subscribe(notice -> ownNotices.accept(notice.getParameter()),
                failure -> LOG.debug("A pooled connection stopped hearing its notices: {}", failure.toString()));
        return postgres.createStatement("SELECT pg_backend_pid()").execute()
                .flatMap(result -> result.map(row -> row.get(0, Integer.class)))
                .single()
                .flatMap(pid -> postgres.createStatement("LISTEN " + DatabaseUserChanges.OWN_CHANNEL_PREFIX + pid)
                        .execute().flatMap(PostgresqlResult::getRowsUpdated).then());
    }

    /**
     * Opens a first connection in the background and leaves it idle in the pool, so that the first
     * request (the container's health check) does not pay for the connect. Building the client
     * happens off the caller's thread too, which goes on starting the server. A failure is left to
     * the first request to report.
     */
    public void warmUp() {
        Mono.defer(() -> Mono.usingWhen(connectionFactory().create(), connection -> Mono.empty(), Connection::close))
                .subscribeOn(Schedulers.boundedElastic())
                .subscribe(null, failure -> LOG.debug("Warming up the pool failed: {}", failure.toString()));
    }

    /** Connections outside the pool, to listen for the PostgreSQL database's change notices; null on H2. */
    PostgresqlConnectionFactory changeNoticeConnections() {
        return changeNotices == null ? null : new PostgresqlConnectionFactory(changeNotices);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public synchronized void close() {
        if (pool == null) {
            return;
        }
        try {
            pool.dispose();
        } catch (IllegalArgumentException releasedWhileDisposing) {
            // reactor-pool miscounts a connection released while the pool is disposed (reactor-pool#113):
            // its connections are closed all the same
            LOG.debug("Closing the pool raced a release: {}", releasedWhileDisposing.toString());
        }
    }

    /**
     * @param acquireTimeout how long a request waits for a free connection before it is refused with 503
     * @param maxWaiting how many requests may wait for a connection; more are refused with 503 at once
     */
    public record PoolSettings(int maxSize, Duration connectTimeout, Duration acquireTimeout, Duration queryTimeout,
                               int maxWaiting) {

        public static final PoolSettings DEFAULT = new PoolSettings(20, Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 256);

        public PoolSettings withMaxSize(int size) {
            return new PoolSettings(size, connectTimeout, acquireTimeout, queryTimeout, maxWaiting);
        }
    }
}
