package dev.momentum.auth.adapter.web.security;

import dev.momentum.auth.domain.token.BearerToken;
import java.util.Optional;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Finds the session token a request presents: {@code Authorization: Bearer} first (better-auth's
 * bearer plugin: the signed value, or a raw token), then the signed session cookie. A credential
 * with a bad signature counts as absent.
 */
public final class SessionCredentials {

    private final SessionCookieCodec cookies;

    public SessionCredentials(SessionCookieCodec cookies) {
        this.cookies = cookies;
    }

    public Optional<BearerToken> token(ServerHttpRequest request) {
        return presented(request).filter(token -> !token.isEmpty()).map(BearerToken::new);
    }

    private Optional<String> presented(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String credential = authorization.substring(7).strip();
            if (!credential.isEmpty()) {
                return credential.contains(".") ? cookies.verify(credential) : Optional.of(credential);
            }
        }
        return signedCookie(request, cookies.sessionCookieName());
    }

    /** better-auth's marker of a rememberMe=false session, which must not slide forward. */
    public boolean presentsDontRememberCookie(ServerHttpRequest request) {
        return signedCookie(request, cookies.dontRememberCookieName()).isPresent();
    }

    /** The value of a signed cookie (better-auth's two_factor, trust_device), when present and its signature holds. */
    public Optional<String> signedCookie(ServerHttpRequest request, String name) {
        HttpCookie cookie = request.getCookies().getFirst(name);
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : cookies.verify(cookie.getValue());
    }

    public boolean presentsSessionCookie(ServerHttpRequest request) {
        return request.getCookies().getFirst(cookies.sessionCookieName()) != null;
    }
}
