package dev.momentum.auth.application.account.port.in;

import dev.momentum.auth.application.account.port.in.DeleteUserUseCase.DeleteUserResult;
import reactor.core.publisher.Mono;

public interface ConfirmDeletionUseCase {

    /** Follows a confirmation link; it works only in a session of the user it was mailed to (better-auth). */
    Mono<DeleteUserResult> confirmDeletion(ConfirmDeletionCommand command);
}
