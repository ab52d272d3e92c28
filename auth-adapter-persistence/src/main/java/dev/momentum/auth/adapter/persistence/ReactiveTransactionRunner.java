package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.support.port.out.TransactionRunner;
import java.util.function.Supplier;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Spring's reactive transactions over the R2DBC pool: the repositories' calls inside join one transaction. */
final class ReactiveTransactionRunner implements TransactionRunner {

    private final TransactionalOperator operator;

    ReactiveTransactionRunner(TransactionalOperator operator) {
        this.operator = operator;
    }

    @Override
    public <T> Mono<T> inTransaction(Supplier<Mono<T>> work) {
        return operator.transactional(Mono.defer(work))
                .onErrorMap(StorageGuard::meansUnavailable, StorageGuard::unavailable);
    }
}
