package dev.momentum.auth.application.port.in;

import dev.momentum.auth.domain.session.ClientInfo;
import java.util.Objects;

public record VerifyEmailCommand(String token, ClientInfo client) {

    public VerifyEmailCommand {
        Objects.requireNonNull(token, "token cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
    }
}
