package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.oauth.PresentedClient;
import dev.momentum.auth.domain.signing.AccessTokenClaims;
import java.util.Optional;

/**
 * A token introspection request (RFC 7662) from an authenticated client.
 *
 * @param accessToken the token's claims when it is an access token of ours whose signature, issuer,
 *                    type and expiry the adapter verified; empty for anything else
 */
public record IntrospectCommand(PresentedClient caller, String token, Optional<AccessTokenClaims> accessToken) {

    @Override
    public String toString() {
        return "IntrospectCommand[" + caller + "]";
    }
}
