package dev.momentum.auth.application.operations.port.out;

import reactor.core.publisher.Mono;

public interface StorageProbe {

    /** Emits true when the database answers a trivial query in time, false otherwise; never errors. */
    Mono<Boolean> isReachable();

    /** Emits true when the database records this build's migrations as applied, false otherwise; never errors. */
    Mono<Boolean> hasCurrentSchema();
}
