package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.application.oauth.port.in.ConsentResult;
import dev.momentum.auth.application.oauth.port.in.ManageConsentsUseCase;
import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.application.oauth.port.out.OAuthConsents;
import dev.momentum.auth.application.oauth.port.out.OAuthGrants;
import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.token.BearerToken;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** A user's view of the clients they allowed, and the way to take an allowance back (ADR-0051). */
public final class ConsentsService implements ManageConsentsUseCase {

    private final CurrentSession current;
    private final OAuthConsents consents;
    private final OAuthClients clients;
    private final OAuthGrants grants;
    private final SecurityEvents events;
    private final Clock clock;

    public ConsentsService(GetSessionQuery sessions, OAuthConsents consents, OAuthClients clients, OAuthGrants grants,
                           SecurityEvents events, Clock clock) {
        this.current = new CurrentSession(sessions);
        this.consents = Objects.requireNonNull(consents, "consents cannot be null");
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
        this.grants = Objects.requireNonNull(grants, "grants cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<List<ConsentResult>> consents(BearerToken session) {
        return current.require(session).flatMap(held -> consents.of(held.user().id())
                .flatMap(consent -> clients.find(consent.clientId()).map(OAuthClient::name).defaultIfEmpty("")
                        .map(name -> new ConsentResult(consent.clientId(), name, consent.scopes(), consent.updatedAt())))
                .collectList());
    }

    @Override
    public Mono<Void> withdraw(BearerToken session, String clientId) {
        return current.require(session).flatMap(held -> consents.withdraw(held.user().id(), clientId)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(new AuthException(AuthError.NOT_FOUND)))
                .then(grants.revokeAll(Optional.of(held.user().id()), Optional.of(clientId), Instants.now(clock)))
                .flatMap(ended -> events.succeeded(SecurityEventType.OAUTH_GRANT_REVOCATION, Subject.of(held.user()),
                        clientId + ": consent withdrawn, " + ended + " grants ended")));
    }
}
