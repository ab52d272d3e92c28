package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The authorization endpoint and the consent a user gives there (RFC 6749 section 4.1, OAuth 2.1). */
public interface AuthorizeUseCase {

    /**
     * @param session the browser's session token; null without one
     * @param sentToSignInAt when this request sent the browser to sign in, as its signed copy says: a
     *                       session begun since then satisfies {@code prompt=login} and {@code max_age}
     */
    Mono<AuthorizationResult> authorize(AuthorizeCommand request, BearerToken session,
                                         Optional<Instant> sentToSignInAt);

    /**
     * The signed-in user's answer to the request.
     *
     * @param scope the scopes allowed, a subset of those asked for; empty: all of them
     */
    Mono<AuthorizationResult> consent(AuthorizeCommand request, BearerToken session, boolean accept,
                                       Optional<String> scope, Optional<Instant> sentToSignInAt);
}
