package dev.momentum.auth.domain.audit;

import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: who (the user, or the address an unknown caller gave), from where,
 * what, and how it ended; {@code actorId} is the administrator who acted on the user, if one did. {@code detail} is a failure's error code or a short public fact (a key id,
 * which sessions were ended); never a password, token or hash. The nullable parts are null when
 * the event has none (an unknown user, a background key rotation).
 */
public record SecurityEvent(Instant occurredAt, SecurityEventType type, boolean succeeded, UserId userId,
                            String email, ClientInfo client, String detail, UserId actorId) {

    public static final int MAX_EMAIL_LENGTH = 320;
    public static final int MAX_DETAIL_LENGTH = 200;

    public SecurityEvent {
        Objects.requireNonNull(occurredAt, "occurredAt cannot be null");
        Objects.requireNonNull(type, "type cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
        email = cut(email, MAX_EMAIL_LENGTH);
        detail = cut(detail, MAX_DETAIL_LENGTH);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
