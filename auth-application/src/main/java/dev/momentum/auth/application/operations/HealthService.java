package dev.momentum.auth.application.operations;

import dev.momentum.auth.application.operations.port.in.CheckHealthQuery;
import dev.momentum.auth.application.operations.port.in.HealthResult;
import dev.momentum.auth.application.operations.port.out.StorageProbe;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class HealthService implements CheckHealthQuery {

    private final StorageProbe storage;

    public HealthService(StorageProbe storage) {
        this.storage = Objects.requireNonNull(storage, "storage cannot be null");
    }

    @Override
    public Mono<HealthResult> check() {
        return storage.isReachable().map(HealthResult::new);
    }

    @Override
    public Mono<Boolean> isSchemaCurrent() {
        return storage.hasCurrentSchema();
    }
}
