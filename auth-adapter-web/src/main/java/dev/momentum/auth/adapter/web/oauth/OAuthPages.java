package dev.momentum.auth.adapter.web.oauth;

import java.net.URI;
import java.util.Objects;

/**
 * Where the authorization endpoint sends the browser to sign in and to consent: the frontend's pages
 * ({@code OAUTH_LOGIN_PAGE}, {@code OAUTH_CONSENT_PAGE}), which get the request as a signed query.
 */
public record OAuthPages(URI signIn, URI consent) {

    public OAuthPages {
        Objects.requireNonNull(signIn, "signIn cannot be null");
        Objects.requireNonNull(consent, "consent cannot be null");
    }
}
