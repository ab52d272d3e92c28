package dev.momentum.auth.application.account.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.token.LinkToken;
import java.util.Objects;

/** @param sessionToken the caller's session token, or null (then FAILED_TO_GET_USER_INFO, as better-auth) */
public record ConfirmDeletionCommand(BearerToken sessionToken, LinkToken link) {

    public ConfirmDeletionCommand {
        Objects.requireNonNull(link, "link cannot be null");
    }
}
