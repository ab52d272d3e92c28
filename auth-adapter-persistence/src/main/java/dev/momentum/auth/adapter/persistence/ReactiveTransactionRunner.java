package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.support.port.out.TransactionRunner;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Spring's reactive transactions over the R2DBC pool: the repositories' calls inside join one
 * transaction. A transaction that PostgreSQL ends because it raced another (a deadlock, a
 * serialization failure, a ROLLBACK at commit) is run again from the start, twice at most: the
 * second run sees what the winner wrote, so racing requests get the answers their order gives,
 * never a storage failure.
 */
final class ReactiveTransactionRunner implements TransactionRunner {

    static final int RETRIES_AFTER_A_LOST_RACE = 2;
    /** SQLSTATE 40001 serialization_failure and 40P01 deadlock_detected. */
    private static final Set<String> LOST_RACE_STATES = Set.of("40001", "40P01");

    private final TransactionalOperator operator;

    ReactiveTransactionRunner(TransactionalOperator operator) {
        this.operator = operator;
    }

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return Mono.defer(() -> operator.transactional(Mono.defer(work)))
                .retryWhen(Retry.backoff(RETRIES_AFTER_A_LOST_RACE, Duration.ofMillis(10))
                        .filter(ReactiveTransactionRunner::lostARace)
                        .onRetryExhaustedThrow((spec, exhausted) -> exhausted.failure()))
                .onErrorMap(failure -> StorageGuard.meansUnavailable(failure) || lostARace(failure),
                        StorageGuard::unavailable);
    }

    /** Whether the failure, or what caused it, is a transaction that lost a race with another. */
    static boolean lostARace(Throwable error) {
        return StorageGuard.anyCause(error, cause -> cause instanceof ConcurrencyFailureException
                || cause instanceof io.r2dbc.spi.R2dbcRollbackException
                || cause instanceof io.r2dbc.spi.R2dbcException r2dbc && LOST_RACE_STATES.contains(r2dbc.getSqlState()));
    }
}
