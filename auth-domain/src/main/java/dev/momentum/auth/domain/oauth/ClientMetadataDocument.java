package dev.momentum.auth.domain.oauth;

import java.util.Objects;
import java.util.Set;

/**
 * A client ID metadata document (draft-ietf-oauth-client-id-metadata-document): the JSON a client
 * publishes at the HTTPS URL that is its {@code client_id}.
 *
 * @param clientId the document's own {@code client_id}, which must be the URL it came from
 * @param members the names of all its top-level members, known to us or not
 */
public record ClientMetadataDocument(String clientId, Set<String> members, ClientMetadata metadata) {

    public ClientMetadataDocument {
        members = Set.copyOf(members);
        Objects.requireNonNull(metadata, "metadata cannot be null");
    }
}
