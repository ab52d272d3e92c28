package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.error.FailureDetail.Defect;
import dev.momentum.auth.application.oauth.port.in.AdministerOAuthClientsUseCase;
import dev.momentum.auth.application.oauth.port.in.OAuthResourceResult;
import dev.momentum.auth.application.oauth.port.in.RegisterClientCommand;
import dev.momentum.auth.application.oauth.port.in.RegisteredClientResult;
import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.application.oauth.port.out.OAuthGrants;
import dev.momentum.auth.application.oauth.port.out.OAuthResources;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.user.Administrators;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.ResourceIndicator;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import reactor.core.publisher.Mono;

/**
 * The admin API's clients, grants and resource servers (ADR-0051); every change an audit event
 * naming the administrator.
 */
public final class OAuthAdministrationService implements AdministerOAuthClientsUseCase {

    private final Administrators administrators;
    private final OAuthClients clients;
    private final OAuthGrants grants;
    private final ClientRegistrationService registration;
    private final ResourceServers resourceServers;
    private final OAuthResources resources;
    private final SecureTokenGenerator random;
    private final SecurityEvents events;
    private final Clock clock;

    public OAuthAdministrationService(Administrators administrators, OAuthClients clients, OAuthGrants grants,
                                      ClientRegistrationService registration, ResourceServers resourceServers,
                                      OAuthResources resources, SecureTokenGenerator random, SecurityEvents events,
                                      Clock clock) {
        this.administrators = Objects.requireNonNull(administrators, "administrators cannot be null");
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
        this.grants = Objects.requireNonNull(grants, "grants cannot be null");
        this.registration = Objects.requireNonNull(registration, "registration cannot be null");
        this.resourceServers = Objects.requireNonNull(resourceServers, "resourceServers cannot be null");
        this.resources = Objects.requireNonNull(resources, "resources cannot be null");
        this.random = Objects.requireNonNull(random, "random cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<List<OAuthClient>> clients(UserId administrator) {
        return administrators.require(administrator).then(clients.list().collectList());
    }

    @Override
    public Mono<RegisteredClientResult> create(UserId administrator, RegisterClientCommand command) {
        return administrators.require(administrator).then(registration.registerFor(administrator, command));
    }

    @Override
    public Mono<RegisteredClientResult> rotateSecret(UserId administrator, String clientId) {
        String secret = random.newToken();
        return changed(administrator, clientId, client -> {
            if (client.secretHash().isEmpty()) {
                throw new AuthException(AuthError.CONFLICT);
            }
            return client.withSecret(TokenHash.of(secret));
        }, "secret rotated").map(client -> new RegisteredClientResult(client, Optional.of(secret)));
    }

    @Override
    public Mono<Void> setDisabled(UserId administrator, String clientId, boolean disabled) {
        return changed(administrator, clientId, client -> client.disabled(disabled),
                disabled ? "disabled" : "enabled").then();
    }

    @Override
    public Mono<Void> delete(UserId administrator, String clientId) {
        return administrators.require(administrator)
                .then(clients.delete(clientId))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(new AuthException(AuthError.NOT_FOUND)))
                .then(events.byAdministrator(administrator, SecurityEventType.OAUTH_CLIENT_REGISTRATION, Subject.NOBODY,
                        clientId + " deleted"));
    }

    @Override
    public Mono<Long> revokeGrants(UserId administrator, Optional<UserId> user, Optional<String> clientId) {
        return administrators.require(administrator)
                .then(grants.revokeAll(user, clientId, Instants.now(clock)))
                .flatMap(ended -> events.byAdministrator(administrator, SecurityEventType.OAUTH_GRANT_REVOCATION,
                        user.map(id -> new Subject(id, null)).orElse(Subject.NOBODY),
                        clientId.orElse("every client") + ": " + ended + " grants ended").thenReturn(ended));
    }

    @Override
    public Mono<List<OAuthResourceResult>> resources(UserId administrator) {
        return administrators.require(administrator).then(resourceServers.all())
                .map(all -> all.stream().map(resource -> new OAuthResourceResult(resource.value(),
                        resourceServers.configured(resource))).toList());
    }

    @Override
    public Mono<Void> addResource(UserId administrator, String resource) {
        return administrators.require(administrator)
                .then(Mono.justOrEmpty(ResourceIndicator.parse(resource)))
                .switchIfEmpty(Mono.error(() -> AuthException.invalid("resource", Defect.MALFORMED)))
                .flatMap(parsed -> resourceServers.configured(parsed) ? Mono.just(false)
                        : resources.addResource(parsed, Instants.now(clock)))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new AuthException(AuthError.CONFLICT)))
                .then(events.byAdministrator(administrator, SecurityEventType.OAUTH_RESOURCE_CHANGE, Subject.NOBODY,
                        resource + " added"));
    }

    @Override
    public Mono<Void> removeResource(UserId administrator, String resource) {
        return administrators.require(administrator)
                .then(Mono.justOrEmpty(ResourceIndicator.parse(resource)))
                .switchIfEmpty(Mono.error(() -> new AuthException(AuthError.NOT_FOUND)))
                .flatMap(parsed -> resourceServers.configured(parsed)
                        ? Mono.<Boolean>error(new AuthException(AuthError.CONFLICT))
                        : resources.removeResource(parsed))
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new AuthException(AuthError.NOT_FOUND)))
                .then(events.byAdministrator(administrator, SecurityEventType.OAUTH_RESOURCE_CHANGE, Subject.NOBODY,
                        resource + " removed"));
    }

    private Mono<OAuthClient> changed(UserId administrator, String clientId,
                                      UnaryOperator<OAuthClient> change, String what) {
        return administrators.require(administrator)
                .then(clients.find(clientId))
                .switchIfEmpty(Mono.error(new AuthException(AuthError.NOT_FOUND)))
                .map(change)
                .flatMap(client -> clients.update(client).thenReturn(client))
                .flatMap(client -> events.byAdministrator(administrator, SecurityEventType.OAUTH_CLIENT_REGISTRATION,
                        Subject.NOBODY, clientId + " " + what).thenReturn(client));
    }
}
