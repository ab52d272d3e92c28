package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.operations.port.out.StorageProbe;
import reactor.core.publisher.Mono;

final class DatabaseStorageProbe implements StorageProbe {

    private final StorageGuard storage;
    /** What {@link LiquibaseSchemaMigrator} records once this build's changelog is applied. */
    private final String changelogFingerprint = ChangelogFingerprint.of(LiquibaseSchemaMigrator.CHANGELOG);

    DatabaseStorageProbe(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Mono<Boolean> isReachable() {
        return storage.guard(storage.client().sql("SELECT 1").fetch().rowsUpdated().then(Mono.just(true)))
                .onErrorReturn(false);
    }

    @Override
    public Mono<Boolean> hasCurrentSchema() {
        return storage.guard(storage.client().sql("SELECT 1 FROM schema_fingerprints WHERE fingerprint = :fingerprint")
                        .bind("fingerprint", changelogFingerprint)
                        .map(row -> true)
                        .first()
                        .defaultIfEmpty(false))
                .onErrorReturn(false);
    }
}
