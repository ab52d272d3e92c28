package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.oauth.PresentedClient;

/** A token revocation request (RFC 7009): the token, as the client holds it, and the client. */
public record RevokeTokenCommand(PresentedClient client, String token) {

    @Override
    public String toString() {
        return "RevokeTokenCommand[" + client + "]";
    }
}
