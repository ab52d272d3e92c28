package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.oauth.ClientMetadata;
import java.util.Objects;

/**
 * The metadata a client registers with (RFC 7591 section 2); absent fields take the RFC's defaults.
 *
 * @param initialAccessToken the bearer token of the request, for registration by token
 */
public record RegisterClientCommand(ClientMetadata metadata, String initialAccessToken) {

    public RegisterClientCommand {
        Objects.requireNonNull(metadata, "metadata cannot be null");
    }

    @Override
    public String toString() {
        return "RegisterClientCommand[" + metadata.clientName() + ", " + metadata.redirectUris() + "]";
    }
}
