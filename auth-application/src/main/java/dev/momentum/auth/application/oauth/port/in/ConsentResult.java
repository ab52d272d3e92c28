package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.oauth.Scopes;
import java.time.Instant;

/** What a user has allowed a client. */
public record ConsentResult(String clientId, String clientName, Scopes scopes, Instant updatedAt) {
}
