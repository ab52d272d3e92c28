package dev.momentum.auth.application.account.port.in;

import reactor.core.publisher.Mono;

public interface UpdateUserUseCase {

    /** Changes the name and/or picture of the caller's user; the email address is not changed here. */
    Mono<Void> updateUser(UpdateUserCommand command);
}
