package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.error.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds every database call in time and turns "the database is not there" into
 * {@link StorageUnavailableException}, which the API answers with 503. Other failures (bugs,
 * constraint violations) stay what they are.
 */
final class StorageGuard {

    private final DatabaseClient client;
    private final Duration queryTimeout;

    StorageGuard(DatabaseClient client, Duration queryTimeout) {
        this.client = client;
        this.queryTimeout = queryTimeout;
    }

    DatabaseClient client() {
        return client;
    }

    <T> Mono<T> guard(Mono<T> call) {
        return call.timeout(queryTimeout).onErrorMap(StorageGuard::meansUnavailable, StorageGuard::unavailable);
    }

    <T> Flux<T> guardMany(Flux<T> call) {
        return call.timeout(queryTimeout).onErrorMap(StorageGuard::meansUnavailable, StorageGuard::unavailable);
    }

    static StorageUnavailableException unavailable(Throwable cause) {
        return new StorageUnavailableException("the database did not answer", cause);
    }

    /** Whether the failure, or what caused it (as when no connection could be had for a transaction), is one of these. */
    static boolean meansUnavailable(Throwable error) {
        return anyCause(error, StorageGuard::isUnavailability);
    }

    /** Whether the failure or anything that caused it is such a one. */
    static boolean anyCause(Throwable error, Predicate<Throwable> kind) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (kind.test(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailability(Throwable error) {
        return error instanceof TimeoutException
                || error instanceof DataAccessResourceFailureException
                || error instanceof TransientDataAccessException
                || error instanceof QueryTimeoutException
                || error instanceof io.r2dbc.spi.R2dbcNonTransientResourceException
                || error instanceof io.r2dbc.spi.R2dbcTransientResourceException
                || error instanceof reactor.pool.PoolAcquirePendingLimitException
                || error instanceof java.io.IOException
                || error instanceof io.r2dbc.spi.R2dbcException r2dbc && isUnavailabilityState(r2dbc.getSqlState());
    }

    /**
     * SQLSTATE class 08 (connection exception, as a connection closed while it was being opened)
     * and 57P (the server shutting down, or still starting up).
     */
    private static boolean isUnavailabilityState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
