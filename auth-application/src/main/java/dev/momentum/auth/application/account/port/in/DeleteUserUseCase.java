package dev.momentum.auth.application.account.port.in;

import reactor.core.publisher.Mono;

public interface DeleteUserUseCase {

    /**
     * Deletes the caller's user with everything that belongs to them, or, when deployed to ask
     * for it, mails a confirmation link first.
     */
    Mono<DeleteUserResult> deleteUser(DeleteUserCommand command);

    enum DeleteUserResult { DELETED, CONFIRMATION_SENT }
}
