package dev.momentum.auth.application.signing.port.out;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The signing keys every instance shares. */
public interface SigningKeyStore {

    Flux<StoredSigningKey> findAll();

    /** Adds the key unless one of its generation exists (another instance rotated first): emits whether it was added. */
    Mono<Boolean> addIfGenerationFree(StoredSigningKey key);

    /** Public JWKs imported from better-auth that are still to be published at {@code now} (ADR-0040). */
    Flux<String> findImportedPublicJwks(Instant now);
}
