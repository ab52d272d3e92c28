package dev.momentum.auth.application.twofactor.port.in;

import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import java.util.Objects;

/**
 * A change of the signed-in user's second factor, confirmed with their password.
 *
 * @param session null when the client holds none (then UNAUTHORIZED)
 */
public record PasswordConfirmedCommand(BearerToken session, String password, ClientInfo client) {

    public PasswordConfirmedCommand {
        Objects.requireNonNull(password, "password cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
    }

    @Override
    public String toString() {
        return "PasswordConfirmedCommand[password hidden]";
    }
}
