package dev.momentum.auth.application.admin.port.in;

import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.domain.user.User;
import java.util.Objects;
import java.util.Set;

/** @param role the stored role to set: {@code admin} or {@code user} */
public record SetRoleCommand(UserActionCommand action, String role) {

    private static final Set<String> ROLES = Set.of(User.ADMIN, "user");

    public SetRoleCommand {
        Objects.requireNonNull(action, "action cannot be null");
        if (role == null || !ROLES.contains(role)) {
            throw AuthException.invalid("role", Defect.NOT_A_ROLE);
        }
    }
}
