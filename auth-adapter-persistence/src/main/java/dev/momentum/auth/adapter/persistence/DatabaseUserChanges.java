package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.session.port.out.UserChangeFeed;
import dev.momentum.auth.domain.user.UserId;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import java.time.Duration;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.retry.Retry;

/**
 * The user change feed over the database (ADR-0036). Each write of this instance's adapters that
 * changes a user or a session tells of it as soon as the statement is done, and again when the
 * transaction it ran in has ended, after which no reader can see the old row any more.
 * <p>
 * On PostgreSQL, triggers (changelog 0008) also notify the channel {@value #CHANNEL} of every
 * committed change, by any instance or by hand; a connection of its own listens to it. Since a
 * dead connection would sound like silence, that connection is asked something every few seconds,
 * and when it fails the feed says {@link UserChange.Interrupted} and reconnects with backoff. The
 * embedded H2 database serves one instance only, whose own word is all there is to hear.
 */
final class DatabaseUserChanges implements UserChangeFeed {

    static final String CHANNEL = "auth_user_changes";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUserChanges.class);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration FIRST_RETRY = Duration.ofMillis(200);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(5);
    private static final Object TOLD_IN_TRANSACTION = new Object();

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
        listeners.add(listener);
        if (notifying == null) {
            listener.accept(new UserChange.Listening());
            return () -> listeners.remove(listener);
        }
        Disposable hearing = notices().subscribe(listener);
        return () -> {
            hearing.dispose();
            listeners.remove(listener);
        };
    }

    /** The write, telling of the change once it is done (before whoever waits for it goes on). */
    <T> Mono<T> telling(UserChange change, Mono<T> write) {
        return Mono.deferContextual(context -> {
            context.<Queue<UserChange>>getOrEmpty(TOLD_IN_TRANSACTION).ifPresent(told -> told.add(change));
            return whenEnded(write, () -> tell(change));
        });
    }

    /** The transaction, telling again, once it has ended, of every change its writes told of. */
    <T> Mono<T> retellingAfter(Mono<T> transaction) {
        return Mono.defer(() -> {
            Queue<UserChange> told = new ConcurrentLinkedQueue<>();
            return whenEnded(transaction, () -> told.forEach(this::tell))
                    .contextWrite(Context.of(TOLD_IN_TRANSACTION, told));
        });
    }

    /** Runs the action when the work ends, however it ends, before whoever waits for it goes on. */
    private static <T> Mono<T> whenEnded(Mono<T> work, Runnable action) {
        return work.doOnSuccess(done -> action.run()).doOnError(failed -> action.run()).doOnCancel(action);
    }

    private void tell(UserChange change) {
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
