package dev.momentum.auth.application.oauth.port.in;

import reactor.core.publisher.Mono;

/**
 * Token revocation (RFC 7009): a client ends its own grant by showing its refresh token. Unknown,
 * spent or foreign tokens complete quietly, as the RFC asks; only a failed client authentication
 * is refused.
 */
public interface RevokeTokenUseCase {

    Mono<Void> revoke(RevokeTokenCommand command);
}
