package dev.momentum.auth.domain.oauth;

import dev.momentum.auth.domain.token.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A client of the authorization server: who it is, where its codes may go, which grants it may use
 * and how it authenticates. Only the hash of a secret is kept.
 *
 * @param scopes the scopes it may ask for; {@link Scopes#NONE}: any the server supports
 * @param postLogoutRedirectUris where the browser may go after the client ends the user's session
 * @param keys its public keys, for {@link ClientAuthentication#PRIVATE_KEY_JWT}
 * @param origin how it came to be known
 * @param document for a client known by its metadata document, our copy's freshness
 */
public record OAuthClient(String clientId, Optional<TokenHash> secretHash, String name, List<RedirectUri> redirectUris,
                          List<RedirectUri> postLogoutRedirectUris, Set<GrantType> grantTypes, ClientAuthentication authentication, Scopes scopes,
                          Optional<String> clientUri, Optional<String> logoUri, ClientKeys keys, Origin origin,
                          Optional<FetchedDocument> document, boolean disabled, Instant createdAt) {

    /**
     * How a client came to be known: registered by itself (RFC 7591), by an administrator, or by the
     * metadata document at the URL that is its id.
     */
    public enum Origin { DYNAMIC, ADMINISTRATOR, METADATA_DOCUMENT }

    /** When our copy of a client's metadata document is to be fetched again, and its entity tag. */
    public record FetchedDocument(Instant freshUntil, Optional<String> etag) {
        public FetchedDocument {
            Objects.requireNonNull(freshUntil, "freshUntil cannot be null");
            Objects.requireNonNull(etag, "etag cannot be null");
        }
    }

    public OAuthClient {
        Objects.requireNonNull(clientId, "clientId cannot be null");
        Objects.requireNonNull(secretHash, "secretHash cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        redirectUris = List.copyOf(redirectUris);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
        grantTypes = Set.copyOf(grantTypes);
        Objects.requireNonNull(authentication, "authentication cannot be null");
        Objects.requireNonNull(scopes, "scopes cannot be null");
        Objects.requireNonNull(clientUri, "clientUri cannot be null");
        Objects.requireNonNull(logoUri, "logoUri cannot be null");
        Objects.requireNonNull(keys, "keys cannot be null");
        Objects.requireNonNull(origin, "origin cannot be null");
        Objects.requireNonNull(document, "document cannot be null");
        Objects.requireNonNull(createdAt, "createdAt cannot be null");
        if (clientId.isBlank() || clientId.length() > 255) {
            throw new IllegalArgumentException("a client id is 1 to 255 characters");
        }
        if (grantTypes.isEmpty()) {
            throw new IllegalArgumentException("a client uses at least one grant");
        }
        if (authentication.usesSecret() != secretHash.isPresent()) {
            throw new IllegalArgumentException("a secret is kept exactly for clients that authenticate with one");
        }
        if (grantTypes.contains(GrantType.AUTHORIZATION_CODE) && redirectUris.isEmpty()) {
            throw new IllegalArgumentException("a client of the code flow registers a redirect URI");
        }
        if (grantTypes.contains(GrantType.CLIENT_CREDENTIALS) && !authentication.isConfidential()) {
            throw new IllegalArgumentException("only a client that authenticates may use client_credentials");
        }
        if ((authentication == ClientAuthentication.PRIVATE_KEY_JWT) == keys.isEmpty()) {
            throw new IllegalArgumentException("keys are kept exactly for clients that sign their assertions");
        }
        if ((origin == Origin.METADATA_DOCUMENT) != document.isPresent()) {
            throw new IllegalArgumentException("a copy's freshness is kept exactly for clients known by their document");
        }
    }

    public boolean isPublic() {
        return authentication == ClientAuthentication.NONE;
    }

    public boolean allows(GrantType grant) {
        return grantTypes.contains(grant);
    }

    /** The registered redirect URI that the presented one matches (RFC 8252 loopback ports aside), if any. */
    public Optional<RedirectUri> redirectUriFor(String presented) {
        return redirectUris.stream().filter(registered -> registered.matches(presented)).findFirst();
    }

    /** The scopes it may ask for, within what the server supports. */
    public boolean mayAskFor(Scopes requested) {
        return scopes.isEmpty() || scopes.containsAll(requested);
    }

    public OAuthClient withSecret(TokenHash hash) {
        return new OAuthClient(clientId, Optional.of(hash), name, redirectUris, postLogoutRedirectUris, grantTypes, authentication, scopes,
                clientUri, logoUri, keys, origin, document, disabled, createdAt);
    }

    public OAuthClient disabled(boolean value) {
        return new OAuthClient(clientId, secretHash, name, redirectUris, postLogoutRedirectUris, grantTypes, authentication, scopes,
                clientUri, logoUri, keys, origin, document, value, createdAt);
    }

    public OAuthClient withDocument(FetchedDocument fetched) {
        return new OAuthClient(clientId, secretHash, name, redirectUris, postLogoutRedirectUris, grantTypes, authentication, scopes,
                clientUri, logoUri, keys, origin, Optional.of(fetched), disabled, createdAt);
    }

    /** The client as it is now described, still disabled or not, and known since when it was. */
    public OAuthClient describedAs(OAuthClient described) {
        return new OAuthClient(clientId, described.secretHash, described.name, described.redirectUris,
                described.postLogoutRedirectUris, described.grantTypes, described.authentication, described.scopes, described.clientUri,
                described.logoUri, described.keys, described.origin, described.document, disabled, createdAt);
    }

    /** Known by a metadata document whose copy must be fetched again before it is used to authorize. */
    public boolean documentStale(Instant now) {
        return document.map(copy -> !now.isBefore(copy.freshUntil())).orElse(false);
    }
}
