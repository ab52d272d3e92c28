package dev.momentum.auth.application.user;

import dev.momentum.auth.application.support.SettingsReader;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who is an administrator: a user whose stored role is admin, or whose verified address is one of
 * {@code ADMIN_EMAILS}, the configuration the first administrators come from (ADR-0034). A
 * disabled user is nobody's administrator.
 */
public record AdminPolicy(Set<EmailAddress> adminEmails) {

    public AdminPolicy {
        adminEmails = Set.copyOf(Objects.requireNonNull(adminEmails, "adminEmails cannot be null"));
    }

    /** {@code ADMIN_EMAILS}: the addresses whose verified users are administrators. */
    public static AdminPolicy read(SettingsReader env) {
        Set<EmailAddress> adminEmails = new LinkedHashSet<>();
        for (String address : env.list("ADMIN_EMAILS")) {
            EmailAddress.parse(address).ifPresentOrElse(adminEmails::add,
                    () -> env.problem("ADMIN_EMAILS holds '" + address + "', which is not an email address"));
        }
        return new AdminPolicy(adminEmails);
    }

    public boolean isAdmin(User user) {
        return !user.disabled() && (User.ADMIN.equals(user.role())
                || user.emailVerified() && adminEmails.contains(user.email()));
    }

    /** The role a token states: admin, the stored role, or user. */
    public String roleOf(User user) {
        if (isAdmin(user)) {
            return User.ADMIN;
        }
        return user.role() == null ? "user" : user.role();
    }
}
