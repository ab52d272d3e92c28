package dev.momentum.auth.domain.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@code client_id} that is the HTTPS URL of the client's metadata document
 * (draft-ietf-oauth-client-id-metadata-document, section 3): an explicit authority and path,
 * without credentials, a fragment or a dot segment in any encoding. Which addresses its host may
 * stand for is the fetcher's to check, when it resolves the name.
 */
public final class ClientIdUrl {

    /** What a client id may be long, and so the URL too. */
    public static final int LONGEST = 255;

    private static final Pattern DOT_SEGMENT = Pattern.compile("/(?:\\.|%2e)(?:\\.|%2e)?(?:/|$|\\?)",
            Pattern.CASE_INSENSITIVE);

    private ClientIdUrl() {
    }

    /** Whether a client id is meant as a document's URL: any that begins {@code https://}. */
    public static boolean isMeant(String clientId) {
        return clientId != null && clientId.regionMatches(true, 0, "https://", 0, "https://".length());
    }

    /** The URL, or why a client id meant as one cannot be. */
    public static Parsed parse(String clientId) {
        if (!isMeant(clientId)) {
            return Parsed.refused("client_id URL must use https");
        }
        if (clientId.length() > LONGEST) {
            return Parsed.refused("client_id URL is longer than " + LONGEST + " characters");
        }
        if (clientId.indexOf('#') >= 0) {
            return Parsed.refused("client_id URL must not have a fragment");
        }
        if (clientId.indexOf('\\') >= 0 || clientId.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            return Parsed.refused("client_id URL must be plain ASCII without spaces or backslashes");
        }
        if (DOT_SEGMENT.matcher(clientId).find()) {
            return Parsed.refused("client_id URL must not have dot segments");
        }
        URI uri;
        try {
            uri = new URI(clientId);
        } catch (URISyntaxException malformed) {
            return Parsed.refused("client_id is not a valid URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Parsed.refused("client_id URL must not carry credentials");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Parsed.refused("client_id URL must name a host");
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            return Parsed.refused("client_id URL must have a path");
        }
        if (!uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
            return Parsed.refused("client_id URL must use https");
        }
        return new Parsed(Optional.of(uri), "");
    }

    /** A URL, or the reason (an {@code error_description}) when there is none. */
    public record Parsed(Optional<URI> url, String refusal) {
        static Parsed refused(String reason) {
            return new Parsed(Optional.empty(), reason);
        }
    }
}
