package dev.momentum.auth.application.oauth.port.in;

import java.util.List;

/** What the authorization server's metadata and responses state about it. */
public interface OAuthTermsQuery {

    /** The {@code iss} of its tokens and of every authorization response (RFC 9207). */
    String issuer();

    List<String> scopesSupported();

    /** Whether the registration endpoint takes registrations (RFC 7591), openly or with a token. */
    boolean registersClients();

    /** Whether a {@code client_id} may be the URL of the client's metadata document. */
    boolean acceptsClientMetadataDocuments();
}
