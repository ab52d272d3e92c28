package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.ConsentRequiredResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.RedirectToClientResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.SignInRequiredResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.UnredirectableResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizeCommand;
import dev.momentum.auth.application.oauth.port.in.AuthorizeUseCase;
import dev.momentum.auth.application.oauth.port.out.OAuthConsents;
import dev.momentum.auth.application.oauth.port.out.OAuthGrants;
import dev.momentum.auth.application.session.port.in.GetSessionQuery;
import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.oauth.AuthorizationCode;
import dev.momentum.auth.domain.oauth.GrantType;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.OAuthGrant;
import dev.momentum.auth.domain.oauth.Pkce;
import dev.momentum.auth.domain.oauth.ResourceIndicator;
import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.token.TokenHash;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The authorization endpoint (ADR-0051). A request whose client or redirect URI is unknown is refused
 * to the user; every other refusal goes back to the client. Without a fresh enough session the user
 * signs in first; without their consent to every scope asked for, they are asked. A code is issued
 * with its grant, so that a replay of the code can end what it gave.
 */
public final class AuthorizeService implements AuthorizeUseCase {

    private static final String PROMPT_NONE = "none";
    private static final String PROMPT_LOGIN = "login";
    private static final String PROMPT_CONSENT = "consent";

    private final DocumentClients clients;
    private final ResourceServers resourceServers;
    private final OAuthGrants grants;
    private final OAuthConsents consents;
    private final GetSessionQuery sessions;
    private final SecureTokenGenerator random;
    private final OAuthSettings settings;
    private final SecurityEvents events;
    private final Clock clock;

    public AuthorizeService(DocumentClients clients, ResourceServers resourceServers, OAuthGrants grants, OAuthConsents consents, GetSessionQuery sessions,
                            SecureTokenGenerator random, OAuthSettings settings, SecurityEvents events, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
        this.resourceServers = Objects.requireNonNull(resourceServers, "resourceServers cannot be null");
        this.grants = Objects.requireNonNull(grants, "grants cannot be null");
        this.consents = Objects.requireNonNull(consents, "consents cannot be null");
        this.sessions = Objects.requireNonNull(sessions, "sessions cannot be null");
        this.random = Objects.requireNonNull(random, "random cannot be null");
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<AuthorizationResult> authorize(AuthorizeCommand request, BearerToken session,
                                                Optional<Instant> sentToSignInAt) {
        return checked(request).flatMap(checked -> checked.refusal() != null ? Mono.just(checked.refusal())
                : withSession(checked, session, sentToSignInAt, Optional.empty()));
    }

    @Override
    public Mono<AuthorizationResult> consent(AuthorizeCommand request, BearerToken session, boolean accept,
                                              Optional<String> scope, Optional<Instant> sentToSignInAt) {
        return checked(request).flatMap(checked -> {
            if (checked.refusal() != null) {
                return Mono.just(checked.refusal());
            }
            if (!accept) {
                return Mono.justOrEmpty(session).flatMap(sessions::getSession)
                        .map(held -> Subject.of(held.user())).defaultIfEmpty(Subject.NOBODY)
                        .flatMap(subject -> events.failed(SecurityEventType.OAUTH_CONSENT, subject,
                                checked.client().clientId()))
                        .thenReturn(checked.refused(Code.ACCESS_DENIED, "the user declined"));
            }
            Optional<Scopes> allowed = scope.map(value -> Scopes.parse(value)
                    .filter(checked.scopes()::containsAll).orElse(null));
            if (scope.isPresent() && allowed.isEmpty()) {
                return Mono.just(checked.refused(Code.INVALID_SCOPE, "scope is not within the scopes asked for"));
            }
            return withSession(allowed.map(checked::narrowedTo).orElse(checked), session, sentToSignInAt,
                    Optional.of(true));
        });
    }

    /** The request's client, redirect URI and parameters, or the refusal they earn. */
    private Mono<Checked> checked(AuthorizeCommand request) {
        if (request.clientId() == null || request.clientId().isBlank()) {
            return Mono.just(Checked.refusal(new UnredirectableResult(Code.INVALID_REQUEST, "client_id is missing")));
        }
        return clients.find(request.clientId())
                .filter(client -> !client.disabled())
                .zipWith(resourceServers.all(), (client, resources) -> checked(request, client, resources))
                .defaultIfEmpty(Checked.refusal(new UnredirectableResult(Code.INVALID_REQUEST, "the client is not known")))
                .onErrorResume(OAuthException.class, refusal -> Mono.just(Checked.refusal(
                        new UnredirectableResult(refusal.code(), refusal.description()))));
    }

    private Checked checked(AuthorizeCommand request, OAuthClient client, List<ResourceIndicator> resourceServers) {
        String redirectUri = request.redirectUri() != null ? request.redirectUri()
                : client.redirectUris().size() == 1 ? client.redirectUris().getFirst().value() : null;
        if (redirectUri == null || client.redirectUriFor(redirectUri).isEmpty()) {
            return Checked.refusal(new UnredirectableResult(Code.INVALID_REQUEST,
                    "redirect_uri is not one the client registered"));
        }
        var partial = new Checked(client, redirectUri, request, Scopes.NONE, List.of(), null);
        if (!"code".equals(request.responseType())) {
            return partial.refusing(Code.UNSUPPORTED_RESPONSE_TYPE, "response_type must be code");
        }
        if (!client.allows(GrantType.AUTHORIZATION_CODE)) {
            return partial.refusing(Code.UNAUTHORIZED_CLIENT, "the client may not use the authorization code grant");
        }
        if (request.codeChallenge() == null) {
            return partial.refusing(Code.INVALID_REQUEST, "code_challenge is required (PKCE)");
        }
        if (!Pkce.S256.equals(request.codeChallengeMethod()) || !Pkce.isChallenge(request.codeChallenge())) {
            return partial.refusing(Code.INVALID_REQUEST, "code_challenge_method must be S256 with a 43-character challenge");
        }
        if (request.prompt().contains(PROMPT_NONE) && request.prompt().size() > 1) {
            return partial.refusing(Code.INVALID_REQUEST, "prompt=none goes with no other prompt");
        }
        Optional<Scopes> scopes = settings.offeredTo(client, request.scope());
        if (scopes.isEmpty()) {
            return partial.refusing(Code.INVALID_SCOPE, "scope asks for a scope the client may not have");
        }
        Optional<List<ResourceIndicator>> resources = ResourceIndicator.allWithin(request.resources(),
                resourceServers);
        if (resources.isEmpty()) {
            return partial.refusing(Code.INVALID_TARGET, "resource is not a resource server this server issues for");
        }
        return new Checked(client, redirectUri, request, scopes.get(), resources.get(), null);
    }

    private Mono<AuthorizationResult> withSession(Checked checked, BearerToken token, Optional<Instant> sentToSignInAt,
                                                   Optional<Boolean> consentGiven) {
        boolean silent = checked.request().prompt().contains(PROMPT_NONE);
        return Mono.justOrEmpty(token).flatMap(sessions::getSession)
                .filter(held -> signInFresh(checked.request(), held, sentToSignInAt))
                .flatMap(held -> held.enrolmentOnly() ? Mono.just(checked.refused(Code.ACCESS_DENIED,
                        "the user must enrol a second factor first")) : consentGiven.isPresent()
                        ? consents.grant(held.user().id(), checked.client().clientId(), checked.scopes(), now())
                                .then(events.succeeded(SecurityEventType.OAUTH_CONSENT, Subject.of(held.user()),
                                        checked.client().clientId()))
                                .then(issueCode(checked, held))
                        : consented(checked, held).flatMap(yes -> yes ? issueCode(checked, held)
                                : Mono.just(silent ? checked.refused(Code.CONSENT_REQUIRED, "the user has not consented")
                                        : consentRequired(checked))))
                .defaultIfEmpty(silent ? checked.refused(Code.LOGIN_REQUIRED, "the user is not signed in")
                        : new SignInRequiredResult());
    }

    /** {@code prompt=login} and {@code max_age}: a session begun since the request sent the user to sign in is fresh. */
    private boolean signInFresh(AuthorizeCommand request, SessionResult held, Optional<Instant> sentToSignInAt) {
        Instant signedIn = held.session().createdAt();
        if (sentToSignInAt.filter(sent -> !signedIn.isBefore(sent.minusSeconds(1))).isPresent()) {
            return true;
        }
        if (request.prompt().contains(PROMPT_LOGIN)) {
            return false;
        }
        return request.maxAge().stream()
                .allMatch(maxAge -> !signedIn.plus(Duration.ofSeconds(maxAge)).isBefore(now()));
    }

    private Mono<Boolean> consented(Checked checked, SessionResult held) {
        if (checked.request().prompt().contains(PROMPT_CONSENT)) {
            return Mono.just(false);
        }
        return consents.granted(held.user().id(), checked.client().clientId())
                .map(granted -> granted.containsAll(checked.scopes()));
    }

    /** Asks the user, naming where the client's answer goes: its host, or a native app's scheme. */
    private AuthorizationResult consentRequired(Checked checked) {
        URI redirect = URI.create(checked.redirectUri());
        return new ConsentRequiredResult(checked.client(), checked.scopes(),
                redirect.getHost() == null ? redirect.getScheme() : redirect.getHost());
    }

    private Mono<AuthorizationResult> issueCode(Checked checked, SessionResult held) {
        Instant now = now();
        String code = random.newToken();
        var grant = new OAuthGrant(random.newId(), checked.client().clientId(), held.user().id(), checked.scopes(),
                checked.resources(), held.session().createdAt(), now, now.plus(settings.grantLifetime()));
        var details = new AuthorizationCode(grant.id(), held.session().id(), checked.redirectUri(),
                checked.request().codeChallenge(), Optional.ofNullable(checked.request().nonce()),
                now.plus(settings.codeLifetime()));
        return grants.open(grant, TokenHash.of(code), details)
                .then(events.succeeded(SecurityEventType.OAUTH_AUTHORIZATION, Subject.of(held.user()),
                        checked.client().clientId()))
                .thenReturn(checked.toClient(Map.of("code", code)));
    }

    private Instant now() {
        return Instants.now(clock);
    }

    /** A request with its client and redirect URI known, its parameters checked, or the refusal it earned. */
    private record Checked(OAuthClient client, String redirectUri, AuthorizeCommand request, Scopes scopes,
                           List<ResourceIndicator> resources, AuthorizationResult refusal) {

        static Checked refusal(AuthorizationResult refusal) {
            return new Checked(null, null, null, Scopes.NONE, List.of(), refusal);
        }

        Checked refusing(Code error, String description) {
            return new Checked(client, redirectUri, request, scopes, resources, refused(error, description));
        }

        Checked narrowedTo(Scopes allowed) {
            return new Checked(client, redirectUri, request, allowed, resources, refusal);
        }

        /** Back to the client, as RFC 6749 section 4.1.2.1 says, with the request's state. */
        RedirectToClientResult refused(Code error, String description) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("error", error.wireName());
            parameters.put("error_description", description);
            return toClient(parameters);
        }

        /** These parameters and the request's state, in that order, to the redirect URI. */
        RedirectToClientResult toClient(Map<String, String> parameters) {
            Map<String, String> answer = new LinkedHashMap<>(parameters);
            if (request.state() != null) {
                answer.put("state", request.state());
            }
            return new RedirectToClientResult(redirectUri, answer);
        }
    }
}
