package dev.momentum.auth.application.oauth;

import dev.momentum.auth.application.support.SettingsReader;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.ResourceIndicator;
import dev.momentum.auth.domain.oauth.Scopes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the authorization server behaves (ADR-0051).
 *
 * @param issuer our {@code iss}, the JWTs' issuer
 * @param scopes the scopes clients may ask for
 * @param resources the resource servers tokens may be for (RFC 8707)
 * @param defaultAudience the audience of a token asked for without a resource: our userinfo endpoint,
 *                        so that it opens no resource server
 * @param endpoints the URL our OAuth endpoints are under ({@code …/api/auth/oauth2})
 * @param grantLifetime the bound of a grant's refresh tokens, which rotation does not extend
 * @param registrationToken the initial access token that {@link Registration#TOKEN} asks for
 * @param metadataDocuments whether a {@code client_id} may be the URL of the client's metadata document
 */
public record OAuthSettings(String issuer, Scopes scopes, List<ResourceIndicator> resources, String defaultAudience,
                            String endpoints,
                            Duration accessTokenLifetime, Duration codeLifetime, Duration grantLifetime,
                            Duration idTokenLifetime, Registration registration, Optional<String> registrationToken,
                            boolean metadataDocuments) {

    /** Who may register a client at the registration endpoint (RFC 7591). */
    public enum Registration { OPEN, TOKEN, CLOSED }

    public OAuthSettings {
        Objects.requireNonNull(issuer, "issuer cannot be null");
        Objects.requireNonNull(scopes, "scopes cannot be null");
        resources = List.copyOf(resources);
        Objects.requireNonNull(defaultAudience, "defaultAudience cannot be null");
        Objects.requireNonNull(endpoints, "endpoints cannot be null");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime cannot be null");
        Objects.requireNonNull(codeLifetime, "codeLifetime cannot be null");
        Objects.requireNonNull(grantLifetime, "grantLifetime cannot be null");
        Objects.requireNonNull(idTokenLifetime, "idTokenLifetime cannot be null");
        Objects.requireNonNull(registration, "registration cannot be null");
        Objects.requireNonNull(registrationToken, "registrationToken cannot be null");
        if (registration == Registration.TOKEN && registrationToken.isEmpty()) {
            throw new IllegalArgumentException("registration by token needs the token");
        }
    }

    /** The scopes every deployment offers; {@code OAUTH_SCOPES} adds the resource servers' own. */
    public static final Scopes STANDARD_SCOPES = Scopes.parse("openid profile email offline_access").orElseThrow();
    /** OAuth 2.1 section 4.1.2 asks for a short lifetime; ten minutes at most. */
    public static final Duration CODE_LIFETIME = Duration.ofMinutes(2);

    /**
     * The OAUTH_* variables. Registration is open by default only outside production, where anyone
     * may otherwise fill the client table.
     *
     * @param issuer the JWTs' issuer
     * @param endpoints the URL our OAuth endpoints are under
     */
    public static OAuthSettings read(SettingsReader env, boolean production, String issuer, String endpoints) {
        Scopes scopes = STANDARD_SCOPES;
        for (String extra : env.list("OAUTH_SCOPES")) {
            var parsed = Scopes.parse(extra).filter(scope -> scope.values().size() == 1);
            if (parsed.isEmpty()) {
                env.problem("OAUTH_SCOPES must list scope names, not '" + extra + "'");
            } else {
                scopes = scopes.union(parsed.get());
            }
        }
        List<ResourceIndicator> resources = new ArrayList<>();
        for (String resource : env.list("OAUTH_RESOURCES")) {
            ResourceIndicator.parse(resource).ifPresentOrElse(resources::add, () -> env.problem(
                    "OAUTH_RESOURCES must list absolute URIs without a fragment, not '" + resource + "'"));
        }
        String mode = env.text("OAUTH_DYNAMIC_REGISTRATION").orElse(production ? "closed" : "open");
        Registration registration = switch (mode.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> Registration.OPEN;
            case "token" -> Registration.TOKEN;
            case "closed" -> Registration.CLOSED;
            default -> {
                env.problem("OAUTH_DYNAMIC_REGISTRATION must be open, token or closed, not '" + mode + "'");
                yield Registration.CLOSED;
            }
        };
        Optional<String> token = env.text("OAUTH_REGISTRATION_TOKEN");
        if (registration == Registration.TOKEN && token.filter(value -> value.length() >= 32).isEmpty()) {
            env.problem("OAUTH_DYNAMIC_REGISTRATION=token needs OAUTH_REGISTRATION_TOKEN of at least 32 characters");
            registration = Registration.CLOSED;
        }
        Duration accessTokens = env.duration("OAUTH_ACCESS_TOKEN_LIFETIME", Duration.ofMinutes(15));
        return new OAuthSettings(issuer, scopes, resources, endpoints + "/userinfo", endpoints, accessTokens, CODE_LIFETIME,
                env.duration("OAUTH_REFRESH_TOKEN_LIFETIME", Duration.ofDays(30)), accessTokens, registration, token,
                env.flag("OAUTH_CLIENT_METADATA_DOCUMENTS", true));
    }

    /** The longest any JWT of the authorization server lives: its signing key is published at least that long. */
    public Duration longestTokenLifetime() {
        return accessTokenLifetime.compareTo(idTokenLifetime) >= 0 ? accessTokenLifetime : idTokenLifetime;
    }

    /**
     * Who a client's assertion may be addressed to (RFC 7523 section 3): our issuer, or the endpoint
     * it authenticates at.
     */
    public Set<String> assertionAudiences() {
        return Set.of(issuer, endpoints + "/token", endpoints + "/revoke", endpoints + "/introspect");
    }

    /** The scopes of a {@code scope} parameter, when this server offers every one of them. */
    public Optional<Scopes> offered(String scopeParameter) {
        return Scopes.parse(scopeParameter).filter(scopes::containsAll);
    }

    /** The scopes of a {@code scope} parameter, when this server offers them and the client may ask for them. */
    public Optional<Scopes> offeredTo(OAuthClient client, String scopeParameter) {
        return offered(scopeParameter).filter(client::mayAskFor);
    }
}
