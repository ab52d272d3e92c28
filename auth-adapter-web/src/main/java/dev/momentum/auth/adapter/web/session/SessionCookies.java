package dev.momentum.auth.adapter.web.session;

import dev.momentum.auth.adapter.web.security.SessionCookieCodec;
import dev.momentum.auth.application.session.port.in.SessionResult;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.server.reactive.ServerHttpResponse;

/** Hands a session to the browser (cookie) and to API clients (the {@code set-auth-token} header). */
public final class SessionCookies {

    static final String SET_AUTH_TOKEN = "set-auth-token";

    private final SessionCookieCodec codec;

    public SessionCookies(SessionCookieCodec codec) {
        this.codec = codec;
    }

    public void issue(ServerHttpResponse response, SessionResult result, boolean rememberMe) {
        var session = result.session();
        Optional<Duration> maxAge = rememberMe
                ? Optional.of(Duration.between(session.updatedAt(), session.expiresAt()))
                : Optional.empty();
        response.addCookie(codec.sessionCookie(result.token().value(), maxAge));
        if (!rememberMe) {
            response.addCookie(codec.dontRememberCookie());
        }
        response.getHeaders().set(SET_AUTH_TOKEN, codec.sign(result.token().value()));
        response.getHeaders().add("Access-Control-Expose-Headers", SET_AUTH_TOKEN);
    }

    /**
     * No session, but the sign-in's rememberMe kept in better-auth's dont_remember marker, for the
     * session that the second factor will start.
     */
    public void awaitSecondFactor(ServerHttpResponse response, boolean rememberMe) {
        expireSession(response);
        response.addCookie(rememberMe ? codec.expired(codec.dontRememberCookieName()) : codec.dontRememberCookie());
    }

    public void expireAll(ServerHttpResponse response) {
        expireSession(response);
        response.addCookie(codec.expired(codec.dontRememberCookieName()));
    }

    private void expireSession(ServerHttpResponse response) {
        response.addCookie(codec.expired(codec.sessionCookieName()));
        response.addCookie(codec.expired(codec.sessionDataCookieName()));
    }
}
