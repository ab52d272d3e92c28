package dev.momentum.auth.application.service;

import dev.momentum.auth.application.port.out.SigningKeyStore;
import dev.momentum.auth.application.port.out.StoredSigningKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One table with a unique generation, as the database has. */
final class InMemorySigningKeys implements SigningKeyStore {

    final List<StoredSigningKey> keys = new CopyOnWriteArrayList<>();

    @Override
    public Flux<StoredSigningKey> findAll() {
        return Flux.defer(() -> Flux.fromIterable(List.copyOf(keys)));
    }

    @Override
    public synchronized Mono<Boolean> addIfGenerationFree(StoredSigningKey key) {
        return Mono.fromCallable(() -> {
            synchronized (this) {
                if (keys.stream().anyMatch(k -> k.key().generation() == key.key().generation())) {
                    return false;
                }
                keys.add(key);
                return true;
            }
        });
    }
}
