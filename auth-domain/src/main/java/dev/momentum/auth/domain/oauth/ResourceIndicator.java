package dev.momentum.auth.domain.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * An RFC 8707 resource indicator: the absolute URI of the resource server (an MCP server, a backend)
 * a token is for, without a fragment or userinfo. It becomes the token's audience, so it is
 * compared as written: the operator lists the canonical form (MCP 2025-06-18, "canonical server URI").
 */
public record ResourceIndicator(String value) {

    public ResourceIndicator {
        if (!isResource(value)) {
            throw new IllegalArgumentException("not a resource indicator: " + value);
        }
    }

    public static Optional<ResourceIndicator> parse(String value) {
        return isResource(value) ? Optional.of(new ResourceIndicator(value)) : Optional.empty();
    }

    private static boolean isResource(String value) {
        if (value == null || value.isEmpty() || value.length() > 2048) {
            return false;
        }
        try {
            URI uri = new URI(value);
            return uri.isAbsolute() && !uri.isOpaque() && uri.getRawFragment() == null && uri.getRawUserInfo() == null
                    && uri.getHost() != null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
