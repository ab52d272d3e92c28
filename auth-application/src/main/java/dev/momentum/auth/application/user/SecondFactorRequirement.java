package dev.momentum.auth.application.user;

import dev.momentum.auth.application.support.SettingsReader;
import dev.momentum.auth.domain.user.User;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Who must have a second factor ({@code TWO_FACTOR_REQUIRED}: none, admins or all, beyond
 * better-auth, whose users ask for it). A session of a user who must and has none can only
 * enrol one (ADR-0049).
 */
public record SecondFactorRequirement(Scope scope, AdminPolicy admins) {

    public enum Scope { NONE, ADMINS, ALL }

    public static final SecondFactorRequirement NONE = new SecondFactorRequirement(Scope.NONE, new AdminPolicy(Set.of()));

    public SecondFactorRequirement {
        Objects.requireNonNull(scope, "scope cannot be null");
        Objects.requireNonNull(admins, "admins cannot be null");
    }

    public static SecondFactorRequirement read(SettingsReader env, AdminPolicy admins) {
        String value = env.text("TWO_FACTOR_REQUIRED").orElse("none").strip().toUpperCase(Locale.ROOT);
        try {
            return new SecondFactorRequirement(Scope.valueOf(value), admins);
        } catch (IllegalArgumentException unknown) {
            env.problem("TWO_FACTOR_REQUIRED must be none, admins or all, not '" + value.toLowerCase(Locale.ROOT) + "'");
            return new SecondFactorRequirement(Scope.NONE, admins);
        }
    }

    /** The user must have a second factor and has none yet. */
    public boolean unmetBy(User user) {
        return !user.twoFactorEnabled() && switch (scope) {
            case NONE -> false;
            case ADMINS -> admins.isAdmin(user);
            case ALL -> true;
        };
    }
}
