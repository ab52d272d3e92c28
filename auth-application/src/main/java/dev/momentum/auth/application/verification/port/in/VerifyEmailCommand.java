package dev.momentum.auth.application.verification.port.in;

import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.token.LinkToken;
import java.util.Objects;

/** @param sessionToken the caller's session, if any (null otherwise): a change link must not be used in another user's session */
public record VerifyEmailCommand(LinkToken token, BearerToken sessionToken, ClientInfo client) {

    public VerifyEmailCommand {
        Objects.requireNonNull(token, "token cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
    }
}
