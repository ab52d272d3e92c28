package dev.momentum.auth.domain.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A client's registered redirect URI, and whether a presented one is it. OAuth 2.1 asks for exact
 * string matching: no normalisation, so a suffix, userinfo, a dot segment in any encoding or a
 * fragment never matches what was registered. The one allowance is RFC 8252 section 7.3: for an
 * {@code http} loopback IP literal ({@code 127.0.0.1} or {@code [::1]}, never {@code localhost},
 * whose name could resolve elsewhere), a native app picks its port at run time, so the port may differ.
 */
public final class RedirectUri {

    private static final Set<String> LOOPBACK_LITERALS = Set.of("127.0.0.1", "[::1]");

    private final String value;
    private final URI uri;

    private RedirectUri(String value, URI uri) {
        this.value = value;
        this.uri = uri;
    }

    /**
     * A URI a client may register: absolute, without a fragment or userinfo; {@code https}, {@code http}
     * on a loopback IP literal or {@code localhost} (which MCP clients register), or a private-use scheme of a native app ({@code com.example.app:/cb});
     * empty otherwise.
     */
    public static Optional<RedirectUri> parse(String value) {
        if (value == null || value.isEmpty() || value.length() > 2048 || value.chars().anyMatch(c -> c <= 0x20)) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
        if (!uri.isAbsolute() || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        boolean acceptable = switch (scheme) {
            case "https" -> uri.getHost() != null;
            case "http" -> uri.getHost() != null
                    && (LOOPBACK_LITERALS.contains(uri.getHost()) || "localhost".equalsIgnoreCase(uri.getHost()));
            case "javascript", "data", "file", "vbscript", "blob" -> false;
            default -> scheme.contains(".") && !uri.isOpaque();
        };
        return acceptable ? Optional.of(new RedirectUri(value, uri)) : Optional.empty();
    }

    public String value() {
        return value;
    }

    /** The presented URI is this one, character for character, but for a loopback literal's port. */
    public boolean matches(String presented) {
        if (value.equals(presented)) {
            return true;
        }
        if (!isLoopback()) {
            return false;
        }
        return parse(presented)
                .filter(other -> other.isLoopback())
                .map(other -> other.uri.getScheme().equals(uri.getScheme())
                        && other.uri.getHost().equals(uri.getHost())
                        && Objects.equals(other.uri.getRawPath(), uri.getRawPath())
                        && Objects.equals(other.uri.getRawQuery(), uri.getRawQuery()))
                .orElse(false);
    }

    private boolean isLoopback() {
        return "http".equals(uri.getScheme()) && LOOPBACK_LITERALS.contains(uri.getHost());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RedirectUri that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
