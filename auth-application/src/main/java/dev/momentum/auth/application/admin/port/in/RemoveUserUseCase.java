package dev.momentum.auth.application.admin.port.in;

import reactor.core.publisher.Mono;

public interface RemoveUserUseCase {

    /** Deletes the user with everything that belongs to them. Not the administrator's own. */
    Mono<Void> remove(UserActionCommand command);
}
