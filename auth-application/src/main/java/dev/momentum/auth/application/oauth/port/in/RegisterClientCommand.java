package dev.momentum.auth.application.oauth.port.in;

import java.util.List;

/**
 * The metadata a client registers with (RFC 7591 section 2); absent fields are null or empty and
 * take the RFC's defaults.
 *
 * @param initialAccessToken the bearer token of the request, for registration by token
 */
public record RegisterClientCommand(List<String> redirectUris, String clientName, String tokenEndpointAuthMethod,
                                 List<String> grantTypes, List<String> responseTypes, String scope, String clientUri,
                                 String logoUri, String initialAccessToken) {

    public RegisterClientCommand {
        redirectUris = List.copyOf(redirectUris);
        grantTypes = List.copyOf(grantTypes);
        responseTypes = List.copyOf(responseTypes);
    }

    @Override
    public String toString() {
        return "RegisterClientCommand[" + clientName + ", " + redirectUris + "]";
    }
}
