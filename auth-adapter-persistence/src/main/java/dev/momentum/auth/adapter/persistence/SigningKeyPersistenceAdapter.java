package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.application.signing.port.out.SigningKeyStore;
import dev.momentum.auth.application.signing.port.out.StoredSigningKey;
import dev.momentum.auth.domain.signing.SigningAlgorithm;
import dev.momentum.auth.domain.signing.SigningKey;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

final class SigningKeyPersistenceAdapter implements SigningKeyStore {

    private final StorageGuard storage;

    SigningKeyPersistenceAdapter(StorageGuard storage) {
        this.storage = storage;
    }

    @Override
    public Flux<StoredSigningKey> findAll() {
        return storage.guardMany(storage.client().sql("""
                        SELECT id, generation, algorithm, public_jwk, private_jwk, created_at, active_from
                        FROM signing_keys ORDER BY generation""")
                .map(row -> new StoredSigningKey(new SigningKey(row.get("id", String.class),
                        row.get("generation", Integer.class), SigningAlgorithm.valueOf(row.get("algorithm", String.class)),
                        Timestamps.read(row, "created_at"), Timestamps.read(row, "active_from")),
                        row.get("public_jwk", String.class), row.get("private_jwk", String.class)))
                .all());
    }

    @Override
    public Mono<Boolean> addIfGenerationFree(StoredSigningKey stored) {
        SigningKey key = stored.key();
        return storage.guard(storage.client().sql("""
                        INSERT INTO signing_keys (id, generation, algorithm, public_jwk, private_jwk, created_at, active_from)
                        VALUES (:id, :generation, :algorithm, :publicJwk, :privateJwk, :createdAt, :activeFrom)
                        ON CONFLICT DO NOTHING""")
                .bind("id", key.id())
                .bind("generation", key.generation())
                .bind("algorithm", key.algorithm().name())
                .bind("publicJwk", stored.publicJwk())
                .bind("privateJwk", stored.sealedPrivateJwk())
                .bind("createdAt", Timestamps.of(key.createdAt()))
                .bind("activeFrom", Timestamps.of(key.activeFrom()))
                .fetch().rowsUpdated()
                .map(inserted -> inserted == 1));
    }

    @Override
    public Flux<String> findImportedPublicJwks(Instant now) {
        return storage.guardMany(storage.client().sql("""
                        SELECT public_jwk FROM imported_signing_keys WHERE published_until > :now ORDER BY kid""")
                .bind("now", Timestamps.of(now))
                .map(row -> row.get("public_jwk", String.class))
                .all());
    }
}
