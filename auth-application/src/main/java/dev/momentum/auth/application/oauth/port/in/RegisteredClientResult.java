package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.oauth.OAuthClient;
import java.util.Optional;

/** A client just registered, with its secret: shown this once, kept only as a hash. */
public record RegisteredClientResult(OAuthClient client, Optional<String> secret) {

    @Override
    public String toString() {
        return "RegisteredClientResult[" + client.clientId() + "]";
    }
}
