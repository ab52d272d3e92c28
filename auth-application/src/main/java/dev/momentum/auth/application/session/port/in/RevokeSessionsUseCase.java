package dev.momentum.auth.application.session.port.in;

import reactor.core.publisher.Mono;

/** Ends sessions of the caller's own user; needs the caller's live session. */
public interface RevokeSessionsUseCase {

    Mono<Void> revokeSessions(RevokeSessionsCommand command);
}
