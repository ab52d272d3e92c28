package dev.momentum.auth.application.user.port.out;

import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import reactor.core.publisher.Mono;

/** Users joining and leaving. */
public interface UserRegistry {

    /**
     * Stores a new user with a password credential, unless the email is taken.
     * Emits true when stored, false when another user already has the address (also under races).
     */
    Mono<Boolean> addIfEmailFree(User user, PasswordHash passwordHash);

    /** Deletes the user with everything that belongs to them: accounts, sessions, tokens, waiting mail. */
    Mono<Void> delete(UserId id);
}
