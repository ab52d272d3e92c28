package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.session.port.out.UserChangeFeed;
import dev.momentum.auth.domain.user.UserId;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The user change feed over the database (ADR-0036, ADR-0042): the database itself announces
 * every committed change to a user or a session, whoever makes it, so no write of ours has to
 * remember to tell of it.
 * <p>
 * Triggers (changelog 0010) notify two channels of each change: {@value #CHANNEL}, which a
 * connection of its own listens to for every instance's changes, and {@value #OWN_CHANNEL_PREFIX}
 * followed by the writing connection's backend pid, which that pooled connection listens to
 * itself (see {@link Database}). PostgreSQL delivers a session's own notices before it reports the
 * commit (or the autocommitted statement) done, so a change this instance makes is heard before
 * whoever waits for the write goes on. Since a dead listening connection would sound like
 * silence, it is asked something every few seconds, and when it fails the feed says
 * {@link UserChange.Interrupted} and reconnects with backoff.
 * <p>
 * The embedded H2 database announces nothing, so on it the feed never says
 * {@link UserChange.Listening} and nothing is served from memory.
 */
final class DatabaseUserChanges implements UserChangeFeed {

    static final String CHANNEL = "auth_user_changes";
    static final String OWN_CHANNEL_PREFIX = "auth_user_changes_";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUserChanges.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);

    private final Set<Consumer<UserChange>> listeners = new CopyOnWriteArraySet<>();
    private final PostgresqlConnectionFactory notifying;
    private final Duration queryTimeout;

    /** @param notifying connections to the PostgreSQL database that notifies of changes; null for H2 */
    DatabaseUserChanges(PostgresqlConnectionFactory notifying, Duration queryTimeout) {
        this.notifying = notifying;
        this.queryTimeout = queryTimeout;
    }

    @Override
    public AutoCloseable follow(Consumer<UserChange> listener) {
        if (notifying == null) {
            return () -> { };
        }
        listeners.add(listener);
        Disposable hearing = notices().subscribe(listener);
        return () -> {
            hearing.dispose();
            listeners.remove(listener);
        };
    }

    @Override
    public boolean announcesChanges() {
        return notifying != null;
    }

    /** A notice a pooled connection heard of its own write, given to every listener at once. */
    void heardOwnNotice(String userId) {
        UserChange change = new UserChange.OfUser(new UserId(userId));
        listeners.forEach(listener -> listener.accept(change));
    }

    private Flux<UserChange> notices() {
        AtomicBoolean interrupted = new AtomicBoolean();
        return Flux.usingWhen(notifying.create(), connection -> listen(connection, interrupted),
                        PostgresqlConnection::close)
                .concatWith(Flux.error(() -> new IllegalStateException("the listening connection closed")))
                .onErrorResume(failure -> {
                    // one warning an outage; the reconnection attempts, every few seconds, at debug
                    if (!interrupted.getAndSet(true)) {
                        LOG.warn("Not hearing the database's change notices; sessions are read from the database "
                                + "until they are heard again: {}", failure.toString());
                    } else {
                        LOG.debug("Still not hearing the database's change notices: {}", failure.toString());
                    }
                    return Flux.<UserChange>just(new UserChange.Interrupted()).concatWith(Flux.error(failure));
                })
                .retryWhen(Retry.backoff(Long.MAX_VALUE, FIRST_RETRY).maxBackoff(LONGEST_RETRY).transientErrors(true));
    }

    /** Notices from the moment LISTEN is done, which is then said; the heartbeat fails when the connection does. */
    private Flux<UserChange> listen(PostgresqlConnection connection, AtomicBoolean interrupted) {
        Flux<UserChange> notices = connection.getNotifications()
                .map(notice -> new UserChange.OfUser(new UserId(notice.getParameter())));
        Mono<UserChange> listening = run(connection, "LISTEN " + CHANNEL)
                .then(Mono.fromSupplier(() -> {
                    if (interrupted.getAndSet(false)) {
                        LOG.info("Hearing the database's change notices again");
                    }
                    return new UserChange.Listening();
                }));
        Flux<UserChange> heartbeat = Flux.interval(HEARTBEAT)
                .concatMap(beat -> run(connection, "SELECT 1"))
                .thenMany(Flux.empty());
        return Flux.merge(notices, listening, heartbeat);
    }

    private Mono<Void> run(PostgresqlConnection connection, String sql) {
        return connection.createStatement(sql).execute().flatMap(PostgresqlResult::getRowsUpdated).then()
                .timeout(queryTimeout);
    }
}
