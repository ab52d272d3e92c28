package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.port.out.StorageProbe;
import reactor.core.publisher.Mono;

final class DatabaseStorageProbe implements StorageProbe {

    private final StorageGuard storage;

    DatabaseStorageProbe(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Mono<Boolean> isReachable() {
        return storage.guard(storage.client().sql("SELECT 1").fetch().rowsUpdated().then(Mono.just(true)))
                .onErrorReturn(false);
    }
}
