package dev.momentum.auth.application.operations.port.in;

import java.time.Duration;
import java.util.Optional;

/** @param signingKeyAge how long ago the key that signs now was made; empty before the first key is loaded */
public record OperationalFiguresResult(long liveSessions, long pendingMail, Optional<Duration> signingKeyAge) {
}
