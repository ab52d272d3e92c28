package dev.momentum.auth.adapter.web;

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
 */
public record WebSettings(URI publicBaseUrl, List<String> trustedOrigins, List<String> trustedProxies) {

    public WebSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl cannot be null");
        trustedOrigins = List.copyOf(trustedOrigins);
        trustedProxies = List.copyOf(trustedProxies);
    }

    public static WebSettings read(SettingsReader env, int port) {
        URI publicBaseUrl = env.text("AUTH_BASE_URL").or(() -> env.text("BETTER_AUTH_URL"))
                .map(url -> absoluteUrl(url.replaceAll("/+$", ""), env))
                .orElse(URI.create("http://localhost:" + port));
        List<String> trustedProxies = env.list("TRUSTED_PROXIES");
        try {
            new ClientAddresses(trustedProxies);
        } catch (IllegalArgumentException e) {
            env.problem("TRUSTED_PROXIES: " + e.getMessage());
        }
        return new WebSettings(publicBaseUrl, env.list("FRONTEND_URL"), trustedProxies);
    }

    private static URI absoluteUrl(String value, SettingsReader env) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        env.problem("AUTH_BASE_URL must be an absolute URL such as https://auth.example.com");
        return URI.create("http://localhost");
    }
}
