package dev.momentum.auth.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What the HTTP API needs to know about its deployment.
 *
 * @param publicBaseUrl the service's public origin, e.g. {@code http://localhost:3002}
 * @param trustedOrigins frontend origins allowed to call with cookies and to be redirected to; the
 *                       public base URL's own origin is always trusted
 * @param secret the key that signs session cookies (HMAC-SHA256), at least 32 characters
 * @param trustedProxies the proxies (addresses or CIDR ranges) whose forwarding headers name the client
 * @param previousSecrets secrets rotated out, whose cookie signatures still verify
 */
public record AuthApiSettings(URI publicBaseUrl, List<String> trustedOrigins, String secret,
                              List<String> trustedProxies, List<String> previousSecrets) {

    public static final String BASE_PATH = "/api/auth";

    public AuthApiSettings {
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl cannot be null");
        Objects.requireNonNull(secret, "secret cannot be null");
        trustedOrigins = List.copyOf(trustedOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        previousSecrets = List.copyOf(previousSecrets);
    }

    /** Settings for a service that no proxy stands in front of. */
    public AuthApiSettings(URI publicBaseUrl, List<String> trustedOrigins, String secret) {
        this(publicBaseUrl, trustedOrigins, secret, List.of(), List.of());
    }

    /** Cookies get the {@code __Secure-} prefix and the Secure flag when the service is served over https. */
    public boolean secureCookies() {
        return "https".equalsIgnoreCase(publicBaseUrl.getScheme());
    }

    public URI authBaseUrl() {
        return URI.create(publicBaseUrl.toString().replaceAll("/+$", "") + BASE_PATH);
    }

    @Override
    public String toString() {
        return "AuthApiSettings[" + publicBaseUrl + ", trusted " + trustedOrigins + ", proxies " + trustedProxies + "]";
    }
}
