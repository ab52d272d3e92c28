package dev.momentum.auth.application.oauth.port.in;

import reactor.core.publisher.Mono;

/** The token endpoint: refusals are {@code OAuthException}s with RFC 6749 section 5.2's codes. */
public interface TokenUseCase {

    Mono<TokenResult> token(TokenCommand request);
}
