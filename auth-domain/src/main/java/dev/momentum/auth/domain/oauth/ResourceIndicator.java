package dev.momentum.auth.domain.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
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

    /**
     * The {@code resource} parameters, each one of those allowed, without repeats; empty when any is
     * not a resource indicator or not allowed.
     */
    public static Optional<List<ResourceIndicator>> allWithin(List<String> asked, List<ResourceIndicator> allowed) {
        List<ResourceIndicator> resources = asked.stream()
                .map(resource -> parse(resource).filter(allowed::contains).orElse(null)).toList();
        return resources.contains(null) ? Optional.empty() : Optional.of(resources.stream().distinct().toList());
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
