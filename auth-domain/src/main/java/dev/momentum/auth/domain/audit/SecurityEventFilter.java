package dev.momentum.auth.domain.audit;

import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which events to read, newest first: each part narrows the result when present. {@code beforeId}
 * continues a page where the last one ended; {@code limit} is how many to read.
 */
public record SecurityEventFilter(Optional<UserId> userId, Optional<String> email, Optional<SecurityEventType> type,
                                  Optional<Boolean> succeeded, Optional<Instant> from, Optional<Instant> to,
                                  Optional<Long> beforeId, int limit) {

    public static final int MAX_LIMIT = 500;

    public SecurityEventFilter {
        Objects.requireNonNull(userId, "userId cannot be null");
        Objects.requireNonNull(email, "email cannot be null");
        Objects.requireNonNull(type, "type cannot be null");
        Objects.requireNonNull(succeeded, "succeeded cannot be null");
        Objects.requireNonNull(from, "from cannot be null");
        Objects.requireNonNull(to, "to cannot be null");
        Objects.requireNonNull(beforeId, "beforeId cannot be null");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
    }
}
