package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import java.util.Objects;

/**
 * @param replacedSessionToken the session the client held when it signed in, which the sign-in
 *                             ends (ASVS 5.0 7.2.4); null when it held none
 */
public record SignInCommand(String email, String password, boolean rememberMe, ClientInfo client,
                            BearerToken replacedSessionToken) {

    public SignInCommand(String email, String password, boolean rememberMe, ClientInfo client) {
        this(email, password, rememberMe, client, null);
    }

    public SignInCommand {
        Objects.requireNonNull(email, "email cannot be null");
        Objects.requireNonNull(password, "password cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
    }

    @Override
    public String toString() {
        return "SignInCommand[email=" + email + ", password hidden, rememberMe=" + rememberMe + "]";
    }
}
