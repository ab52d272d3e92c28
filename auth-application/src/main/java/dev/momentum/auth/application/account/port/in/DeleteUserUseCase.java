package dev.momentum.auth.application.account.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Mono;

public interface DeleteUserUseCase {

    /**
     * Deletes the caller's user with everything that belongs to them, or, when deployed to ask
     * for it, mails a confirmation link first.
     */
    Mono<DeleteUserResult> deleteUser(DeleteUserCommand command);

    /** Follows a confirmation link; it works only in a session of the user it was mailed to (better-auth). */
    Mono<DeleteUserResult> deleteWithLink(BearerToken sessionToken, String token);

    enum DeleteUserResult { DELETED, CONFIRMATION_SENT }
}
