package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import java.util.Objects;

public record ChangePasswordCommand(BearerToken sessionToken, String currentPassword, String newPassword,
                                    boolean revokeOtherSessions, ClientInfo client) {

    public ChangePasswordCommand {
        Objects.requireNonNull(currentPassword, "currentPassword cannot be null");
        Objects.requireNonNull(newPassword, "newPassword cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
    }

    @Override
    public String toString() {
        return "ChangePasswordCommand[passwords hidden, revokeOtherSessions=" + revokeOtherSessions + "]";
    }
}
