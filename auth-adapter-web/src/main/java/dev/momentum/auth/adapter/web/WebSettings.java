package dev.momentum.auth.adapter.web;

import dev.momentum.auth.adapter.web.oauth.OAuthPages;
import dev.momentum.auth.adapter.web.oauth.PublicAddresses;
import dev.momentum.auth.adapter.web.security.ClientAddresses;
import dev.momentum.auth.application.support.SettingsReader;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where the deployer serves the API and who may call it, read from the environment.
 *
 * @param publicBaseUrl {@code AUTH_BASE_URL} (or better-auth's {@code BETTER_AUTH_URL}) without a
 *                      trailing slash; {@code http://localhost:<port>} when unset
 * @param trustedOrigins {@code FRONTEND_URL}: the frontends allowed to call with cookies
 * @param trustedProxies {@code TRUSTED_PROXIES}: addresses or CIDR ranges whose forwarding headers name the client
 * @param oauthPages {@code OAUTH_LOGIN_PAGE} and {@code OAUTH_CONSENT_PAGE}: by default the first frontend's
 *                   {@code /sign-in} and {@code /consent}, or without a frontend our own pages
 * @param fetchAllowedNetworks {@code OAUTH_FETCH_ALLOWED_NETWORKS}: the private networks that the URLs
 *                             clients give (their metadata documents) may nevertheless point into
 */
public record WebSettings(URI publicBaseUrl, List<String> trustedOrigins, List<String> trustedProxies,
                          OAuthPages oauthPages, List<String> fetchAllowedNetworks) {

    /** The built-in pages of a deployment without a frontend of its own. */
    public static final String BUILT_IN_SIGN_IN_PAGE = AuthApiSettings.BASE_PATH + "/oauth2/pages/sign-in";
    public static final String BUILT_IN_CONSENT_PAGE = AuthApiSettings.BASE_PATH + "/oauth2/pages/consent";

    public WebSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl cannot be null");
        trustedOrigins = List.copyOf(trustedOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        Objects.requireNonNull(oauthPages, "oauthPages cannot be null");
        fetchAllowedNetworks = List.copyOf(fetchAllowedNetworks);
    }

    public static WebSettings read(SettingsReader env, int port) {
        URI publicBaseUrl = env.text("AUTH_BASE_URL").or(() -> env.text("BETTER_AUTH_URL"))
                .map(url -> absoluteUrl(url.replaceAll("/+$", ""), "AUTH_BASE_URL", env))
                .orElse(URI.create("http://localhost:" + port));
        List<String> trustedProxies = env.list("TRUSTED_PROXIES");
        try {
            new ClientAddresses(trustedProxies);
        } catch (IllegalArgumentException e) {
            env.problem("TRUSTED_PROXIES: " + e.getMessage());
        }
        List<String> fetchAllowedNetworks = env.list("OAUTH_FETCH_ALLOWED_NETWORKS");
        try {
            new PublicAddresses(fetchAllowedNetworks);
        } catch (IllegalArgumentException e) {
            env.problem("OAUTH_FETCH_ALLOWED_NETWORKS must list addresses or CIDR ranges: " + e.getMessage());
        }
        List<String> frontends = env.list("FRONTEND_URL");
        String pages = frontends.isEmpty() ? publicBaseUrl.toString() : frontends.getFirst().replaceAll("/+$", "");
        return new WebSettings(publicBaseUrl, frontends, trustedProxies, new OAuthPages(
                absoluteUrl(env.text("OAUTH_LOGIN_PAGE").orElse(pages + (frontends.isEmpty() ? BUILT_IN_SIGN_IN_PAGE
                        : "/sign-in")), "OAUTH_LOGIN_PAGE", env),
                absoluteUrl(env.text("OAUTH_CONSENT_PAGE").orElse(pages + (frontends.isEmpty() ? BUILT_IN_CONSENT_PAGE
                        : "/consent")), "OAUTH_CONSENT_PAGE", env)), fetchAllowedNetworks);
    }

    private static URI absoluteUrl(String value, String name, SettingsReader env) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        env.problem(name + " must be an absolute URL such as https://auth.example.com");
        return URI.create("http://localhost");
    }
}
