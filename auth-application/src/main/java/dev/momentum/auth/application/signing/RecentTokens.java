package dev.momentum.auth.application.signing;

import dev.momentum.auth.application.support.BoundedMap;
import dev.momentum.auth.domain.session.SessionId;
import dev.momentum.auth.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The JWT last signed for each session, handed out again while it is younger than the reuse
 * window and nothing it says has changed: a frontend asks for its session's JWT on every
 * get-session, and a signature costs far more CPU than the rest of the request (ADR-0019).
 * Holds at most {@code capacity} sessions; when full it drops the stale entries, at most once a
 * window, and otherwise just stops remembering, so that a flood of sessions costs no more than
 * signing each time.
 */
final class RecentTokens {

    private final Duration window;
    private final BoundedMap<SessionId, Signed> bySession;

    RecentTokens(Duration window, int capacity) {
        this.window = Objects.requireNonNull(window, "window cannot be null");
        this.bySession = new BoundedMap<>(capacity, window, (signed, now) -> !isFresh(signed, now));
    }

    /** The token signed for this session by this key for this very user, if it is still fresh at {@code now}. */
    Optional<String> reusable(SessionId session, User user, String keyId, Instant now) {
        Signed signed = bySession.get(session);
        return signed != null && signed.user().equals(user) && signed.keyId().equals(keyId) && isFresh(signed, now)
                ? Optional.of(signed.jwt())
                : Optional.empty();
    }

    void remember(SessionId session, User user, String keyId, Instant signedAt, String jwt) {
        if (window.isZero() || !bySession.hasRoomFor(session, signedAt)) {
            return;
        }
        bySession.put(session, new Signed(user, keyId, signedAt, jwt));
    }

    int size() {
        return bySession.size();
    }

    private boolean isFresh(Signed signed, Instant now) {
        return !now.isBefore(signed.signedAt()) && now.isBefore(signed.signedAt().plus(window));
    }

    private record Signed(User user, String keyId, Instant signedAt, String jwt) {
    }
}
