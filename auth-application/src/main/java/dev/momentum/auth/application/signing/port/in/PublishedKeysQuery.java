package dev.momentum.auth.application.signing.port.in;

import dev.momentum.auth.domain.signing.PublishedKeys;
import reactor.core.publisher.Mono;

/** The public keys that verify our tokens. */
public interface PublishedKeysQuery {

    /** What the JWKS serves: ours, and those imported from better-auth while its tokens live. */
    Mono<PublishedKeys> publishedKeys();

    /** Only the keys this service signs with: what its own endpoints accept tokens of. */
    Mono<PublishedKeys> ownKeys();
}
