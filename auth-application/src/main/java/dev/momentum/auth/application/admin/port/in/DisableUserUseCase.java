package dev.momentum.auth.application.admin.port.in;

import reactor.core.publisher.Mono;

public interface DisableUserUseCase {

    /** Disables the account and ends its sessions; sign-in and every session of it are refused until it is enabled. Not the administrator's own. */
    Mono<Void> disable(DisableUserCommand command);
}
