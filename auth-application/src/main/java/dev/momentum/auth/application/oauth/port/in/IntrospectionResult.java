package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.oauth.Scopes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What RFC 7662 answers about a token: inactive, or active with its client, subject, scopes,
 * audience and expiry.
 *
 * @param tokenType {@code access_token} or {@code refresh_token}
 */
public record IntrospectionResult(boolean active, String tokenType, String clientId, String subject, Scopes scopes,
                                  List<String> audience, Optional<Instant> issuedAt, Instant expiresAt) {

    public static final IntrospectionResult INACTIVE = new IntrospectionResult(false, null, null, null, Scopes.NONE,
            List.of(), Optional.empty(), null);
}
