package dev.momentum.auth.application.signing.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Mono;

public interface IssueTokenUseCase {

    /** A JWT for the caller's session (UNAUTHORIZED without one); does not slide the session. */
    Mono<String> issueToken(BearerToken sessionToken);
}
