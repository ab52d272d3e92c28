package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.domain.session.ClientInfo;
import java.util.Objects;

/** {@code callbackURL} (nullable) has been checked by the caller to be trusted or relative. */
public record SignUpCommand(String name, String email, String password, String image, String callbackURL,
                            ClientInfo client) {

    public SignUpCommand {
        Objects.requireNonNull(name, "name cannot be null");
        Objects.requireNonNull(email, "email cannot be null");
        Objects.requireNonNull(password, "password cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
    }

    @Override
    public String toString() {
        return "SignUpCommand[email=" + email + ", password hidden]";
    }
}
