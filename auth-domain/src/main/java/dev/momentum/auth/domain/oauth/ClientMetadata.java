package dev.momentum.auth.domain.oauth;

import java.util.List;

/**
 * A client's metadata as RFC 7591 section 2 names it, as the client stated it, at the registration
 * endpoint or in its metadata document; checked where a client is made of it. An absent field is null,
 * or an empty list.
 *
 * @param jwks the client's JWK set by value, as JSON text
 * @param postLogoutRedirectUris where the browser may go after the client ends the user's session
 */
public record ClientMetadata(List<String> redirectUris, String clientName, String tokenEndpointAuthMethod,
                             List<String> grantTypes, List<String> responseTypes, String scope, String clientUri,
                             String logoUri, String jwksUri, String jwks, List<String> postLogoutRedirectUris) {

    public ClientMetadata {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
        responseTypes = List.copyOf(responseTypes);
        postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
    }
}
