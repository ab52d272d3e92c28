package dev.momentum.auth.adapter.persistence;

import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import io.r2dbc.spi.Readable;

/** The columns of {@code users} and how a row becomes a {@link User}; prefix is the table alias. */
final class UserRows {

    static final String COLUMNS = "u.id, u.name, u.email, u.email_verified, u.image, u.created_at, u.updated_at, u.role,"
            + " u.disabled, EXISTS (SELECT 1 FROM second_factors f WHERE f.user_id = u.id AND f.enforced)"
            + " AS two_factor_enabled";

    private UserRows() {
    }

    static User read(Readable row) {
        return new User(new UserId(row.get("id", String.class)), row.get("name", String.class),
                new EmailAddress(row.get("email", String.class)), Boolean.TRUE.equals(row.get("email_verified",
                Boolean.class)), row.get("image", String.class), Timestamps.read(row, "created_at"),
                Timestamps.read(row, "updated_at"), row.get("role", String.class),
                Boolean.TRUE.equals(row.get("disabled", Boolean.class)),
                Boolean.TRUE.equals(row.get("two_factor_enabled", Boolean.class)));
    }
}
