package dev.momentum.auth.application.admin.port.in;

import reactor.core.publisher.Mono;

public interface SetRoleUseCase {

    /** Sets the stored role. Not the administrator's own. */
    Mono<Void> setRole(SetRoleCommand command);
}
