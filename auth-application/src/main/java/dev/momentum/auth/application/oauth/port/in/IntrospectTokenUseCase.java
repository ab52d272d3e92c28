package dev.momentum.auth.application.oauth.port.in;

import reactor.core.publisher.Mono;

/**
 * Token introspection (RFC 7662) for clients that authenticate with a secret: a resource server asks
 * whether a token is still good. An access token is active while its user and client still are; a
 * refresh token only to the client it was issued to. Anything else is inactive, never an error.
 */
public interface IntrospectTokenUseCase {

    Mono<IntrospectionResult> introspect(IntrospectCommand command);
}
