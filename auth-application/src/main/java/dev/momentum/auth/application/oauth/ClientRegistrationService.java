package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.in.OAuthTermsQuery;
import dev.momentum.auth.application.oauth.port.in.RegisterClientCommand;
import dev.momentum.auth.application.oauth.port.in.RegisterClientUseCase;
import dev.momentum.auth.application.oauth.port.in.RegisteredClientResult;
import dev.momentum.auth.application.oauth.port.out.OAuthClients;
import dev.momentum.auth.application.support.Instants;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.domain.audit.SecurityEventType;
import dev.momentum.auth.domain.oauth.ClientAuthentication;
import dev.momentum.auth.domain.oauth.ClientKeys;
import dev.momentum.auth.domain.oauth.ClientMetadata;
import dev.momentum.auth.domain.oauth.GrantType;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.OAuthClient.Origin;
import dev.momentum.auth.domain.oauth.RedirectUri;
import dev.momentum.auth.domain.oauth.Scopes;
import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Dynamic client registration (RFC 7591, ADR-0051): open, by an initial access token, or closed; and
 * the terms the server's metadata states. A
 * client registered without a token may not use client credentials: anyone could otherwise mint
 * themselves a service identity.
 */
public final class ClientRegistrationService implements RegisterClientUseCase, OAuthTermsQuery {

    private static final int MOST_REDIRECT_URIS = 10;
    private static final int LONGEST_NAME = 255;

    private final OAuthClients clients;
    private final SecureTokenGenerator random;
    private final OAuthSettings settings;
    private final SecurityEvents events;
    private final Clock clock;

    public ClientRegistrationService(OAuthClients clients, SecureTokenGenerator random, OAuthSettings settings,
                                     SecurityEvents events, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
        this.random = Objects.requireNonNull(random, "random cannot be null");
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
        this.events = Objects.requireNonNull(events, "events cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<RegisteredClientResult> register(RegisterClientCommand registration) {
        return Mono.defer(() -> switch (settings.registration()) {
            case CLOSED -> Mono.error(new OAuthException(Code.ACCESS_DENIED, "dynamic client registration is closed"));
            case TOKEN -> tokenMatches(registration.initialAccessToken())
                    ? add(registration, true, Origin.DYNAMIC)
                    : Mono.error(new OAuthException(Code.INVALID_TOKEN, "a valid initial access token is required"));
            case OPEN -> add(registration, tokenMatches(registration.initialAccessToken()), Origin.DYNAMIC);
        }).flatMap(registered -> events.succeeded(SecurityEventType.OAUTH_CLIENT_REGISTRATION, Subject.NOBODY,
                describe(registered)).thenReturn(registered));
    }

    /** A client an administrator registers, whatever the registration mode; checked as any other. */
    Mono<RegisteredClientResult> registerFor(UserId administrator, RegisterClientCommand registration) {
        return Mono.defer(() -> add(registration, true, Origin.ADMINISTRATOR))
                .flatMap(registered -> events.byAdministrator(administrator,
                        SecurityEventType.OAUTH_CLIENT_REGISTRATION, Subject.NOBODY, describe(registered))
                        .thenReturn(registered));
    }

    private static String describe(RegisteredClientResult registered) {
        String name = registered.client().name();
        return registered.client().clientId() + " " + (name.length() > 60 ? name.substring(0, 60) : name);
    }

    @Override
    public String issuer() {
        return settings.issuer();
    }

    @Override
    public List<String> scopesSupported() {
        return List.copyOf(settings.scopes().values());
    }

    @Override
    public boolean registersClients() {
        return settings.registration() != OAuthSettings.Registration.CLOSED;
    }

    @Override
    public boolean acceptsClientMetadataDocuments() {
        return settings.metadataDocuments();
    }

    private Mono<RegisteredClientResult> add(RegisterClientCommand registration, boolean authorized, Origin origin) {
        ClientMetadata metadata = registration.metadata();
        ClientAuthentication authentication = metadata.tokenEndpointAuthMethod() == null
                ? ClientAuthentication.CLIENT_SECRET_BASIC
                : ClientAuthentication.ofWireName(metadata.tokenEndpointAuthMethod()).orElseThrow(() -> invalidMetadata(
                        "token_endpoint_auth_method must be none, client_secret_basic, client_secret_post or private_key_jwt"));
        Optional<String> secret = authentication.usesSecret() ? Optional.of(random.newToken()) : Optional.empty();
        OAuthClient client = clientOf(random.newId(), metadata, authentication, secret.map(TokenHash::of), authorized,
                origin, Optional.empty());
        return clients.add(client)
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("a new client id was taken")))
                .thenReturn(new RegisteredClientResult(client, secret));
    }

    /**
     * The client the metadata describes, with RFC 7591's defaults.
     *
     * @param authorized whether the registration is trusted with client credentials
     * @param document for a client known by its metadata document, our copy's freshness
     */
    OAuthClient clientOf(String clientId, ClientMetadata metadata, ClientAuthentication authentication,
                         Optional<TokenHash> secretHash, boolean authorized, Origin origin,
                         Optional<OAuthClient.FetchedDocument> document) {
        Set<GrantType> grantTypes = EnumSet.noneOf(GrantType.class);
        for (String grant : metadata.grantTypes().isEmpty() ? List.of("authorization_code") : metadata.grantTypes()) {
            grantTypes.add(GrantType.ofWireName(grant).orElseThrow(() ->
                    invalidMetadata("grant_types may be authorization_code, refresh_token and client_credentials")));
        }
        if (grantTypes.contains(GrantType.CLIENT_CREDENTIALS) && (!authorized || !authentication.isConfidential())) {
            throw invalidMetadata("client_credentials needs an initial access token and a client secret or key");
        }
        if (!metadata.responseTypes().stream().allMatch("code"::equals)) {
            throw invalidMetadata("response_types may only be code");
        }
        List<RedirectUri> redirectUris = redirectUris(metadata.redirectUris(), "redirect_uris");
        List<RedirectUri> postLogoutRedirectUris = redirectUris(metadata.postLogoutRedirectUris(),
                "post_logout_redirect_uris");
        if (grantTypes.contains(GrantType.AUTHORIZATION_CODE) && redirectUris.isEmpty()) {
            throw new OAuthException(Code.INVALID_REDIRECT_URI, "redirect_uris are required for authorization_code");
        }
        Scopes scopes = settings.offered(metadata.scope())
                .orElseThrow(() -> invalidMetadata("scope names a scope this server does not support"));
        String name = Optional.ofNullable(metadata.clientName()).map(String::strip).orElse("");
        if (name.length() > LONGEST_NAME) {
            throw invalidMetadata("client_name is at most " + LONGEST_NAME + " characters");
        }
        return new OAuthClient(clientId, secretHash, name, redirectUris, postLogoutRedirectUris, grantTypes,
                authentication, scopes, httpsUri(metadata.clientUri(), "client_uri"),
                httpsUri(metadata.logoUri(), "logo_uri"), keysOf(metadata, authentication), origin, document, false,
                Instants.now(clock));
    }

    private static List<RedirectUri> redirectUris(List<String> given, String field) {
        if (given.size() > MOST_REDIRECT_URIS) {
            throw new OAuthException(Code.INVALID_REDIRECT_URI, "at most " + MOST_REDIRECT_URIS + " " + field);
        }
        return given.stream().map(uri -> RedirectUri.parse(uri).orElseThrow(() -> new OAuthException(
                        Code.INVALID_REDIRECT_URI, field + " must be https, http on loopback, or a private-use scheme,"
                        + " without a fragment")))
                .distinct().toList();
    }

    /** A key-signing client gives its keys by value or at an https URL; no other client gives any. */
    private static ClientKeys keysOf(ClientMetadata metadata, ClientAuthentication authentication) {
        if (authentication != ClientAuthentication.PRIVATE_KEY_JWT) {
            return ClientKeys.NONE;
        }
        Optional<String> jwksUri = httpsUri(metadata.jwksUri(), "jwks_uri");
        Optional<String> jwks = Optional.ofNullable(metadata.jwks());
        if (jwksUri.isPresent() == jwks.isPresent()) {
            throw invalidMetadata("private_key_jwt needs either jwks or jwks_uri");
        }
        return new ClientKeys(jwksUri, jwks);
    }

    private boolean tokenMatches(String presented) {
        return presented != null && settings.registrationToken().map(expected -> MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))).orElse(false);
    }

    private static Optional<String> httpsUri(String value, String field) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value);
            if ("https".equals(uri.getScheme()) && uri.getHost() != null && value.length() <= 2048) {
                return Optional.of(value);
            }
        } catch (URISyntaxException malformed) {
            // refused below
        }
        throw invalidMetadata(field + " must be an https URL");
    }

    private static OAuthException invalidMetadata(String description) {
        return new OAuthException(Code.INVALID_CLIENT_METADATA, description);
    }
}
