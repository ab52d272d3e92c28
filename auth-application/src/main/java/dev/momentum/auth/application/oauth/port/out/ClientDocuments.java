package dev.momentum.auth.application.oauth.port.out;

import dev.momentum.auth.domain.oauth.ClientMetadataDocument;
import dev.momentum.auth.domain.oauth.RemoteDocument;
import java.net.URI;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The documents clients publish at their own URLs (ADR-0053). A URL chosen by whoever sends a
 * request is fetched only from public addresses, never through a redirect, within a size and a
 * time limit; a refusal or failure is an {@code OAuthException} {@code invalid_client} saying why.
 */
public interface ClientDocuments {

    /**
     * The client ID metadata document at a URL.
     *
     * @param etag our copy's entity tag: when the server says it is current, the answer has no content
     */
    Mono<RemoteDocument<ClientMetadataDocument>> metadataDocument(URI url, Optional<String> etag);

    /** The public keys a client publishes at its {@code jwks_uri}: a JWK set as JSON text, public parts only. */
    Mono<String> jwks(URI url);
}
