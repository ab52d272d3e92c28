package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.domain.user.User;
import java.util.Optional;

/** {@code newSession} is present when every session was ended and the caller got a new one. */
public record ChangePasswordResult(User user, Optional<SessionResult> newSession) {
}
