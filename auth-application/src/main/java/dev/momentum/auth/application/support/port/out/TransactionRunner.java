package dev.momentum.auth.application.support.port.out;

import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/** Runs the repository calls of a pipeline in one database transaction: all of them or none. */
public interface TransactionRunner {

    <T> Mono<T> inTransaction(Supplier<Mono<T>> work);
}
