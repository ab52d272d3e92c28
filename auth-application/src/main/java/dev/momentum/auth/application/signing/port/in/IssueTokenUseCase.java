package dev.momentum.auth.application.signing.port.in;

import reactor.core.publisher.Mono;

public interface IssueTokenUseCase {

    /** A JWT for the caller's session (UNAUTHORIZED without one); does not slide the session. */
    Mono<String> issueToken(String sessionToken);
}
