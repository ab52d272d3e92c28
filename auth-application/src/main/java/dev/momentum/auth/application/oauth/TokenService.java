package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.in.IntrospectCommand;
import dev.momentum.auth.application.oauth.port.in.IntrospectTokenUseCase;
import dev.momentum.auth.application.oauth.port.in.IntrospectionResult;
import dev.momentum.auth.application.oauth.port.in.RevokeTokenCommand;
import dev.momentum.auth.application.oauth.port.in.RevokeTokenUseCase;
import dev.momentum.auth.application.oauth.port.in.TokenCommand;
import dev.momentum.auth.application.oauth.port.in.TokenCommand.ClientCredentialsCommand;
import dev.momentum.auth.application.oauth.port.in.TokenCommand.CodeExchangeCommand;
import dev.momentum.auth.application.oauth.port.in.TokenCommand.RefreshCommand;
import dev.momentum.auth.application.oauth.port.in.TokenResult;
import dev.momentum.auth.application.oauth.port.in.TokenUseCase;
import dev.momentum.auth.application.oauth.port.out.OAuthGrants;
import dev.momentum.auth.application.oauth.port.out.OAuthGrants.Presented;
import dev.momentum.auth.application.signing.SigningKeyRing;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.user.port.out.UserLookup;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.oauth.AuthorizationCode;
import dev.momentum.auth.domain.oauth.GrantType;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.OAuthGrant;
import dev.momentum.auth.domain.oauth.Pkce;
import dev.momentum.auth.domain.oauth.ResourceIndicator;
import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.signing.AccessTokenClaims;
import dev.momentum.auth.domain.signing.IdTokenClaims;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The token endpoint (ADR-0051): a code once, by the client it was issued to, with the PKCE verifier;
 * a refresh token once, replaced by the next; client credentials for a client's own access; revocation
 * of a client's grant by its refresh token (RFC 7009). A code or
 * refresh token presented again ends its grant, so that a stolen copy and the original both stop
 * working (OAuth 2.1 sections 4.1.3 and 4.3.1). Access tokens are JWTs for the resources asked for.
 */
public final class TokenService implements TokenUseCase, RevokeTokenUseCase, IntrospectTokenUseCase {

    private final ClientAuthenticator authenticator;
    private final ResourceServers resourceServers;
    private final OAuthGrants grants;
    private final UserLookup users;
    private final SigningKeyRing keys;
    private final SecureTokenGenerator random;
    private final OAuthSettings settings;
    private final SecurityEvents events;
    private final Clock clock;

    public TokenService(ClientAuthenticator authenticator, ResourceServers resourceServers, OAuthGrants grants,
                        UserLookup users, SigningKeyRing keys, SecureTokenGenerator random, OAuthSettings settings,
                        SecurityEvents events, Clock clock) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator cannot be null");
        this.resourceServers = Objects.requireNonNull(resourceServers, "resourceServers cannot be null");
        this.grants = Objects.requireNonNull(grants, "grants cannot be null");
        this.users = Objects.requireNonNull(users, "users cannot be null");
        this.keys = Objects.requireNonNull(keys, "keys cannot be null");
        this.random = Objects.requireNonNull(random, "random cannot be null");
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<TokenResult> token(TokenCommand request) {
        return authenticator.authenticate(request.client())
                .flatMap(client -> switch (request) {
                    case CodeExchangeCommand exchange -> exchange(client, exchange);
                    case RefreshCommand refresh -> refresh(client, refresh);
                    case ClientCredentialsCommand credentials -> clientCredentials(client, credentials);
                })
                .onErrorResume(OAuthException.class, refused -> events.failed(SecurityEventType.OAUTH_TOKEN,
                        Subject.NOBODY, request.client().clientId() + ": " + refused.code().wireName())
                        .then(Mono.error(refused)));
    }

    /**
     * A refresh token of the client's own ends its grant. An access token is a JWT that nothing
     * recalls before it expires (ADR-0051): it is accepted and left to run out.
     */
    @Override
    public Mono<Void> revoke(RevokeTokenCommand command) {
        return authenticator.authenticate(command.client())
                .flatMap(client -> Mono.justOrEmpty(command.token())
                        .flatMap(token -> grants.grantOfRefreshToken(TokenHash.of(token), now()))
                        .filter(grant -> grant.clientId().equals(client.clientId()))
                        .flatMap(grant -> grants.revoke(grant.id(), now())
                                .then(events.succeeded(SecurityEventType.OAUTH_GRANT_REVOCATION,
                                        new Subject(grant.user(), null), client.clientId() + ": revoked by the client"))))
                .then();
    }

    @Override
    public Mono<IntrospectionResult> introspect(IntrospectCommand command) {
        return authenticator.authenticate(command.caller())
                .filter(caller -> caller.secretHash().isPresent())
                .switchIfEmpty(Mono.error(() -> new OAuthException(Code.INVALID_CLIENT,
                        "introspection is for clients that authenticate with a secret")))
                .flatMap(caller -> command.accessToken()
                        .map(this::introspectAccessToken)
                        .orElseGet(() -> introspectRefreshToken(caller, command.token())))
                .defaultIfEmpty(IntrospectionResult.INACTIVE);
    }

    /** Active while its client is enabled and its user may still sign in; a service's token, while its client is. */
    private Mono<IntrospectionResult> introspectAccessToken(AccessTokenClaims claims) {
        Mono<Boolean> subjectActive = claims.subject().equals(claims.clientId()) ? Mono.just(true)
                : users.findById(new UserId(claims.subject())).map(user -> !user.disabled()).defaultIfEmpty(false);
        return authenticator.enabled(claims.clientId())
                .filterWhen(client -> subjectActive)
                .map(client -> new IntrospectionResult(true, "access_token", claims.clientId(), claims.subject(),
                        claims.scopes(), claims.audience(), Optional.of(claims.issuedAt()), claims.expiresAt()));
    }

    private Mono<IntrospectionResult> introspectRefreshToken(OAuthClient caller, String token) {
        return Mono.justOrEmpty(token)
                .flatMap(value -> grants.grantOfRefreshToken(TokenHash.of(value), now()))
                .filter(grant -> grant.clientId().equals(caller.clientId()))
                .map(grant -> new IntrospectionResult(true, "refresh_token", grant.clientId(), grant.user().value(),
                        grant.scopes(), grant.resources().stream().map(ResourceIndicator::value).toList(),
                        Optional.empty(), grant.expiresAt()));
    }

    private Mono<TokenResult> exchange(OAuthClient client, CodeExchangeCommand exchange) {
        require(client, GrantType.AUTHORIZATION_CODE);
        if (exchange.code() == null || exchange.codeVerifier() == null) {
            return Mono.error(new OAuthException(Code.INVALID_REQUEST, "code and code_verifier are required"));
        }
        return grants.redeemCode(TokenHash.of(exchange.code()), now())
                .switchIfEmpty(Mono.error(() -> invalidGrant("the code is not valid")))
                .flatMap(redeemed -> switch (redeemed) {
                    case Presented.Replayed<AuthorizationCode> replayed -> endReplayed(replayed.grant(), "code");
                    case Presented.Spent<AuthorizationCode> spent -> {
                        AuthorizationCode details = spent.details();
                        if (!spent.grant().clientId().equals(client.clientId())
                                || exchange.redirectUri() != null && !exchange.redirectUri().equals(details.redirectUri())
                                || !Pkce.verifies(exchange.codeVerifier(), details.codeChallenge())) {
                            yield Mono.error(invalidGrant("the code, redirect_uri or code_verifier does not match"));
                        }
                        yield issue(client, spent.grant(), spent.grant().scopes(),
                                audience(spent.grant().resources(), exchange.resources()), details.nonce(), true);
                    }
                });
    }

    /**
     * The request is checked against the token's grant before the token is spent, so that a refused
     * request leaves it usable; spending it is what tells a replay.
     */
    private Mono<TokenResult> refresh(OAuthClient client, RefreshCommand refresh) {
        require(client, GrantType.REFRESH_TOKEN);
        if (refresh.refreshToken() == null) {
            return Mono.error(new OAuthException(Code.INVALID_REQUEST, "refresh_token is required"));
        }
        TokenHash token = TokenHash.of(refresh.refreshToken());
        Optional<Scopes> asked = Scopes.parse(refresh.scope());
        return grants.grantOfRefreshToken(token, now())
                .flatMap(grant -> {
                    if (!grant.clientId().equals(client.clientId())) {
                        return Mono.error(invalidGrant("the refresh token was issued to another client"));
                    }
                    Scopes scopes = asked.filter(scope -> !scope.isEmpty()).orElse(grant.scopes());
                    if (asked.isEmpty() || !grant.scopes().containsAll(scopes)) {
                        return Mono.error(new OAuthException(Code.INVALID_SCOPE, "scope exceeds the grant"));
                    }
                    List<String> audience = audience(grant.resources(), refresh.resources());
                    return grants.redeemRefreshToken(token, now()).map(redeemed -> new Checked(redeemed, scopes,
                            audience));
                })
                .switchIfEmpty(Mono.defer(() -> grants.redeemRefreshToken(token, now())
                        .filter(Presented.Replayed.class::isInstance)
                        .map(replayed -> new Checked(replayed, Scopes.NONE, List.of()))))
                .switchIfEmpty(Mono.error(() -> invalidGrant("the refresh token is not valid")))
                .flatMap(checked -> switch (checked.presented()) {
                    case Presented.Replayed<Void> replayed -> endReplayed(replayed.grant(), "refresh token");
                    case Presented.Spent<Void> spent -> issue(client, spent.grant(), checked.scopes(),
                            checked.audience(), Optional.empty(), false);
                });
    }

    /** A refresh token spent or replayed, with what the request was found to ask for. */
    private record Checked(Presented<Void> presented, Scopes scopes, List<String> audience) {
    }

    private Mono<TokenResult> clientCredentials(OAuthClient client, ClientCredentialsCommand credentials) {
        require(client, GrantType.CLIENT_CREDENTIALS);
        Optional<Scopes> scopes = settings.offeredTo(client, credentials.scope());
        if (scopes.isEmpty() || scopes.get().contains(Scopes.OPENID)) {
            return Mono.error(new OAuthException(Code.INVALID_SCOPE, "scope asks for a scope the client may not have"));
        }
        return resourceServers.all()
                .map(resources -> audience(resources, credentials.resources()))
                .flatMap(audience -> keys.sign(now -> new AccessTokenClaims(settings.issuer(), client.clientId(),
                        audience, client.clientId(), scopes.get(), now, now.plus(settings.accessTokenLifetime()),
                        random.newToken())))
                .flatMap(token -> events.succeeded(SecurityEventType.OAUTH_TOKEN, Subject.NOBODY,
                                client.clientId() + ": client_credentials")
                        .thenReturn(new TokenResult(token, settings.accessTokenLifetime(), scopes.get(),
                                Optional.empty(), Optional.empty())));
    }

    /**
     * An access token for the resources asked for, within the grant's; a refresh token when the client
     * uses them; an ID token when {@code openid} was granted.
     */
    private Mono<TokenResult> issue(OAuthClient client, OAuthGrant grant, Scopes scopes, List<String> audience,
                                    Optional<String> nonce, boolean firstTime) {
        return users.findById(grant.user())
                .filter(user -> !user.disabled())
                .switchIfEmpty(Mono.error(() -> invalidGrant("the user can no longer be signed in")))
                .flatMap(user -> keys.sign(now -> new AccessTokenClaims(settings.issuer(), user.id().value(), audience,
                                client.clientId(), scopes, now, now.plus(settings.accessTokenLifetime()),
                                random.newToken()))
                        .flatMap(access -> refreshToken(client, grant)
                                .flatMap(refresh -> idToken(client, grant, scopes, user, nonce, firstTime)
                                        .map(id -> new TokenResult(access, settings.accessTokenLifetime(), scopes,
                                                refresh, id)))))
                .flatMap(issued -> events.succeeded(SecurityEventType.OAUTH_TOKEN, new Subject(grant.user(), null),
                                client.clientId() + (firstTime ? ": authorization_code" : ": refresh_token"))
                        .thenReturn(issued));
    }

    private Mono<Optional<String>> refreshToken(OAuthClient client, OAuthGrant grant) {
        if (!client.allows(GrantType.REFRESH_TOKEN)) {
            return Mono.just(Optional.empty());
        }
        String token = random.newToken();
        return grants.addRefreshToken(TokenHash.of(token), grant.id(), grant.expiresAt()).thenReturn(Optional.of(token));
    }

    private Mono<Optional<String>> idToken(OAuthClient client, OAuthGrant grant, Scopes scopes, User user,
                                           Optional<String> nonce, boolean firstTime) {
        if (!scopes.contains(Scopes.OPENID) || !firstTime) {
            return Mono.just(Optional.empty());
        }
        return keys.sign(now -> new IdTokenClaims(settings.issuer(), user, client.clientId(), scopes, grant.authTime(),
                nonce, now, now.plus(settings.idTokenLifetime()))).map(Optional::of);
    }

    /** The resources asked for, each one the grant allows; without any, all the grant's or the default. */
    private List<String> audience(List<ResourceIndicator> allowed, List<String> asked) {
        if (asked.isEmpty()) {
            return allowed.isEmpty() ? List.of(settings.defaultAudience())
                    : allowed.stream().map(ResourceIndicator::value).toList();
        }
        return ResourceIndicator.allWithin(asked, allowed)
                .orElseThrow(() -> new OAuthException(Code.INVALID_TARGET, "resource is not one the grant allows"))
                .stream().map(ResourceIndicator::value).toList();
    }

    private Mono<TokenResult> endReplayed(OAuthGrant grant, String what) {
        return grants.revoke(grant.id(), now())
                .then(events.failed(SecurityEventType.OAUTH_GRANT_REVOCATION, new Subject(grant.user(), null),
                        grant.clientId() + ": " + what + " replayed"))
                .then(Mono.error(invalidGrant("the " + what + " was used before; its grant has ended")));
    }

    private static void require(OAuthClient client, GrantType grant) {
        if (!client.allows(grant)) {
            throw new OAuthException(Code.UNAUTHORIZED_CLIENT, "the client may not use " + grant.wireName());
        }
    }

    private static OAuthException invalidGrant(String description) {
        return new OAuthException(Code.INVALID_GRANT, description);
    }

    private Instant now() {
        return Instants.now(clock);
    }
}
