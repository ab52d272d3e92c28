package dev.momentum.auth.domain.oauth;

import java.time.Instant;
import java.util.Objects;

/**
 * A client's signed assertion (RFC 7523) that has been verified: its {@code jti}, which may be used
 * once, and when it expires, until which that use must be remembered.
 */
public record ClientAssertion(String id, Instant expiresAt) {

    public ClientAssertion {
        Objects.requireNonNull(id, "id cannot be null");
        Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
    }
}
