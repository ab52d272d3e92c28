package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.oauth.port.out.ClientDocuments;
import dev.momentum.auth.domain.oauth.ClientMetadataDocument;
import dev.momentum.auth.domain.oauth.RemoteDocument;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Client metadata documents and JWK sets as their servers would answer: each URL's current document,
 * or the refusal fetching it meets; it records every fetch and the entity tag it named.
 */
public final class ServedClientDocuments implements ClientDocuments {

    private final Map<URI, Mono<RemoteDocument<ClientMetadataDocument>>> answers = new ConcurrentHashMap<>();
    private final List<String> fetches = new ArrayList<>();
    private final Map<URI, String> jwks = new ConcurrentHashMap<>();

    public void serve(URI url, RemoteDocument<ClientMetadataDocument> answer) {
        answers.put(url, Mono.just(answer));
    }

    public void refuse(URI url, OAuthException refusal) {
        answers.put(url, Mono.error(refusal));
    }

    public void serveKeys(URI url, String keys) {
        jwks.put(url, keys);
    }

    /** The URLs fetched, in order, each with the entity tag it asked about, if any: {@code url etag}. */
    public synchronized List<String> fetches() {
        return List.copyOf(fetches);
    }

    @Override
    public Mono<RemoteDocument<ClientMetadataDocument>> metadataDocument(URI url, Optional<String> etag) {
        return Mono.defer(() -> {
            synchronized (this) {
                fetches.add(url + etag.map(tag -> " " + tag).orElse(""));
            }
            return answers.getOrDefault(url, Mono.error(notFound()));
        });
    }

    @Override
    public Mono<String> jwks(URI url) {
        return Mono.defer(() -> {
            synchronized (this) {
                fetches.add(url.toString());
            }
            return Mono.justOrEmpty(jwks.get(url)).switchIfEmpty(Mono.error(ServedClientDocuments::notFound));
        });
    }

    private static OAuthException notFound() {
        return new OAuthException(OAuthException.Code.INVALID_CLIENT, "the document's server answered HTTP 404");
    }
}
