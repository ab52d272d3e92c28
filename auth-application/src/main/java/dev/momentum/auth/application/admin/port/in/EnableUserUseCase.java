package dev.momentum.auth.application.admin.port.in;

import reactor.core.publisher.Mono;

public interface EnableUserUseCase {

    /** Lets a disabled account sign in again. */
    Mono<Void> enable(UserActionCommand command);
}
