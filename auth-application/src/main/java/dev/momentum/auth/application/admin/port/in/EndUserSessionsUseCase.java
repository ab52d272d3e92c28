package dev.momentum.auth.application.admin.port.in;

import reactor.core.publisher.Mono;

public interface EndUserSessionsUseCase {

    /** Ends every session of the user. */
    Mono<Void> endSessions(UserActionCommand command);
}
