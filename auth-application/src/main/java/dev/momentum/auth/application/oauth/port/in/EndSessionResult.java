package dev.momentum.auth.application.oauth.port.in;

import java.util.Objects;
import java.util.Optional;

/** What becomes of a request to end the user's session. */
public sealed interface EndSessionResult {

    /**
     * The session, if there was one, has ended.
     *
     * @param redirect the client's registered post-logout redirect URI with the request's {@code state}
     */
    record SignedOutResult(Optional<String> redirect) implements EndSessionResult {
        public SignedOutResult {
            Objects.requireNonNull(redirect, "redirect cannot be null");
        }
    }

    /**
     * Nothing proves the request comes from the signed-in user's own application, so they are asked
     * first: a link alone must not sign anyone out.
     *
     * @param clientName the application that asks, when it is known
     */
    record ConfirmSignOutResult(Optional<String> clientName) implements EndSessionResult {
        public ConfirmSignOutResult {
            Objects.requireNonNull(clientName, "clientName cannot be null");
        }
    }
}
