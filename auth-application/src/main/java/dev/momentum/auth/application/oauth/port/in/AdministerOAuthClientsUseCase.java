package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.user.UserId;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Clients, grants and resource servers as administrators manage them through the admin API: each call is refused
 * with FORBIDDEN unless the acting user is an administrator now, and NOT_FOUND for an unknown client.
 */
public interface AdministerOAuthClientsUseCase {

    Mono<List<OAuthClient>> clients(UserId administrator);

    /** Any client, a service's with client credentials included, whatever the registration mode. */
    Mono<RegisteredClientResult> create(UserId administrator, RegisterClientCommand command);

    /** A new secret for a client that has one; the old one stops working at once. */
    Mono<RegisteredClientResult> rotateSecret(UserId administrator, String clientId);

    Mono<Void> setDisabled(UserId administrator, String clientId, boolean disabled);

    /** The client, with its grants and consents. */
    Mono<Void> delete(UserId administrator, String clientId);

    /** Ends the live grants of a user, of a client, or of both; answers how many. */
    Mono<Long> revokeGrants(UserId administrator, Optional<UserId> user, Optional<String> clientId);

    /** The resource servers tokens may be issued for: those configured, then those added. */
    Mono<List<OAuthResourceResult>> resources(UserId administrator);

    /** VALIDATION_ERROR unless an absolute URI without a fragment; CONFLICT when already there. */
    Mono<Void> addResource(UserId administrator, String resource);

    /** NOT_FOUND unless added through this API; a configured one is CONFLICT, its variable being the place to remove it. */
    Mono<Void> removeResource(UserId administrator, String resource);
}
