package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.oauth.IdTokenHint;
import java.util.Objects;
import java.util.Optional;

/**
 * A relying party's request to end the user's session (OpenID Connect RP-Initiated Logout 1.0
 * section 2); absent parameters are null.
 *
 * @param hint the ID token the client presents as {@code id_token_hint}, once the adapter has found
 *             it signed by us; empty when none was sent or it was not ours
 */
public record EndSessionCommand(Optional<IdTokenHint> hint, String clientId, String postLogoutRedirectUri,
                                String state) {

    public EndSessionCommand {
        Objects.requireNonNull(hint, "hint cannot be null");
    }
}
