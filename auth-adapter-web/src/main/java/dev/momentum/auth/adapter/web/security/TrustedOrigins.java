package dev.momentum.auth.adapter.web.security;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which origins may send cookie-carrying requests, and where the service may redirect to: the
 * public base URL's origin, the frontends (FRONTEND_URL), and safe relative paths
 * (better-auth {@code auth/trusted-origins.mjs}, {@code middlewares/origin-check.mjs}).
 */
public final class TrustedOrigins {

    private final Set<String> origins = new LinkedHashSet<>();

    public TrustedOrigins(AuthApiSettings settings) {
        origin(settings.publicBaseUrl().toString()).ifPresent(origins::add);
        settings.trustedOrigins().forEach(raw -> origin(raw).ifPresent(origins::add));
    }

    public List<String> all() {
        return List.copyOf(origins);
    }

    public boolean isTrustedOrigin(String originOrUrl) {
        return origin(originOrUrl).map(origins::contains).orElse(false);
    }

    /** A URL the service may send a browser to: a trusted origin's URL, or a path on this service. */
    public boolean isSafeRedirect(String url) {
        return isSafeRelativePath(url) || isTrustedOrigin(url) && isHttpUrl(url);
    }

    static boolean isSafeRelativePath(String url) {
        if (url.isEmpty() || url.charAt(0) != '/' || url.startsWith("//")) {
            return false;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        return url.chars().noneMatch(c -> c == '\\' || Character.isISOControl(c) || Character.isWhitespace(c))
                && !lower.contains("%2f") && !lower.contains("%5c");
    }

    private static boolean isHttpUrl(String url) {
        return url.chars().noneMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c));
    }

    /** {@code scheme://host[:port]} of an absolute http(s) URL, lower-cased; empty otherwise. */
    static Optional<String> origin(String raw) {
        try {
            URI uri = new URI(raw.strip());
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port < 0 || scheme.equalsIgnoreCase("http") && port == 80
                    || scheme.equalsIgnoreCase("https") && port == 443;
            return Optional.of((scheme + "://" + uri.getHost() + (defaultPort ? "" : ":" + port)).toLowerCase(Locale.ROOT));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
