package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.domain.session.ClientInfo;
import java.util.Objects;

public record SignInCommand(String email, String password, boolean rememberMe, ClientInfo client) {

    public SignInCommand {
        Objects.requireNonNull(email, "email cannot be null");
        Objects.requireNonNull(password, "password cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
    }
}
