package dev.momentum.auth.application.signing.port.in;

import reactor.core.publisher.Mono;

public interface IssueTokenUseCase {

    /** A JWT for the caller's session (UNAUTHORIZED without one); does not slide the session. */
    Mono<String> issueToken(String sessionToken);

    /** The published keys, {@code {"keys":[…]}}: ours, and those imported from better-auth while its tokens live. */
    Mono<String> jwksJson();

    /** The keys this service signs with, {@code {"keys":[…]}}: what its own endpoints accept tokens of. */
    Mono<String> ownJwksJson();

    /** The {@code iss} of every token. */
    String issuer();

    /** The {@code aud} of every token. */
    String audience();

    /** The JWS algorithm new tokens are signed with. */
    String algorithm();
}
