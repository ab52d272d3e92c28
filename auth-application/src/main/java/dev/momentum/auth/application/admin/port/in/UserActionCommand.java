package dev.momentum.auth.application.admin.port.in;

import dev.momentum.auth.domain.user.UserId;
import java.util.Objects;

/**
 * An administrator's action on one user. Every such action checks first that the acting user is
 * an administrator now (FORBIDDEN otherwise), answers NOT_FOUND (404) for an unknown user, and is
 * audited with the actor.
 */
public record UserActionCommand(UserId administrator, UserId user) {

    public UserActionCommand {
        Objects.requireNonNull(administrator, "administrator cannot be null");
        Objects.requireNonNull(user, "user cannot be null");
    }
}
