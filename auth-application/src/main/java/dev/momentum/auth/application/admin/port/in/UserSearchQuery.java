package dev.momentum.auth.application.admin.port.in;

import dev.momentum.auth.domain.user.UserId;
import java.util.Objects;

/** Users whose address or name contains {@code text}, a page of {@code limit} after {@code offset}. */
public record UserSearchQuery(UserId administrator, String text, int limit, long offset) {

    public static final int MAX_LIMIT = 200;

    public UserSearchQuery {
        Objects.requireNonNull(administrator, "administrator cannot be null");
        text = text == null ? "" : text.strip();
        if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + " and offset at least 0");
        }
    }
}
