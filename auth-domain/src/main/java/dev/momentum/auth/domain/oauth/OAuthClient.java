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
 * @param origin how it came to be known
 */
public record OAuthClient(String clientId, Optional<TokenHash> secretHash, String name, List<RedirectUri> redirectUris,
                          Set<GrantType> grantTypes, ClientAuthentication authentication, Scopes scopes,
                          Optional<String> clientUri, Optional<String> logoUri, Origin origin, boolean disabled,
                          Instant createdAt) {

    /** How a client came to be known: registered by itself (RFC 7591) or by an administrator. */
    public enum Origin { DYNAMIC, ADMINISTRATOR }

    public OAuthClient {
        Objects.requireNonNull(clientId, "clientId cannot be null");
        Objects.requireNonNull(secretHash, "secretHash cannot be null");
        Objects.requireNonNull(name, "name cannot be null");
        redirectUris = List.copyOf(redirectUris);
        grantTypes = Set.copyOf(grantTypes);
        Objects.requireNonNull(authentication, "authentication cannot be null");
        Objects.requireNonNull(scopes, "scopes cannot be null");
        Objects.requireNonNull(clientUri, "clientUri cannot be null");
        Objects.requireNonNull(logoUri, "logoUri cannot be null");
        Objects.requireNonNull(origin, "origin cannot be null");
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
        if (grantTypes.contains(GrantType.CLIENT_CREDENTIALS) && !authentication.usesSecret()) {
            throw new IllegalArgumentException("only a client that authenticates may use client_credentials");
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
        return new OAuthClient(clientId, Optional.of(hash), name, redirectUris, grantTypes, authentication, scopes,
                clientUri, logoUri, origin, disabled, createdAt);
    }

    public OAuthClient disabled(boolean value) {
        return new OAuthClient(clientId, secretHash, name, redirectUris, grantTypes, authentication, scopes,
                clientUri, logoUri, origin, value, createdAt);
    }
}
