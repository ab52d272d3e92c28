package dev.momentum.auth.application.operations.port.in;

import reactor.core.publisher.Mono;

public interface CheckHealthQuery {

    Mono<HealthResult> check();

    /** Whether the database holds the schema this build migrates to: not when a migration is still to run. */
    Mono<Boolean> isSchemaCurrent();
}
