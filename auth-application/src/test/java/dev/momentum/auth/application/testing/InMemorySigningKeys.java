package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.signing.port.out.SigningKeyStore;
import dev.momentum.auth.application.signing.port.out.StoredSigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One table with a unique generation, as the database has. */
public final class InMemorySigningKeys implements SigningKeyStore {

    public final List<StoredSigningKey> keys = new CopyOnWriteArrayList<>();
    /** Public JWKs imported from better-auth, with the instant they stop being published. */
    public final Map<String, Instant> imported = new ConcurrentHashMap<>();

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

    @Override
    public Flux<String> findImportedPublicJwks(Instant now) {
        return Flux.defer(() -> Flux.fromStream(imported.entrySet().stream()
                .filter(entry -> entry.getValue().isAfter(now)).map(Map.Entry::getKey).sorted()));
    }
}
