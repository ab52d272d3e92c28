package dev.momentum.auth.application.user.port.out;

import dev.momentum.auth.domain.credential.LinkedAccount;
import dev.momentum.auth.domain.credential.PasswordCredential;
import dev.momentum.auth.domain.credential.PasswordHash;
import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.User;
import dev.momentum.auth.domain.user.UserId;
import dev.momentum.auth.domain.user.UserProfile;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface UserRepository {

    /**
     * Stores a new user with a password credential, unless the email is taken.
     * Emits true when stored, false when another user already has the address (also under races).
     */
    Mono<Boolean> addIfEmailFree(User user, PasswordHash passwordHash);

    Mono<User> findByEmail(EmailAddress email);

    Mono<User> findById(UserId id);

    Mono<PasswordCredential> findCredentialByEmail(EmailAddress email);

    Mono<PasswordCredential> findCredentialById(UserId id);

    Mono<Void> markEmailVerified(UserId id, Instant now);

    Mono<Void> updateProfile(UserId id, UserProfile profile, Instant now);

    Mono<Void> replacePasswordHash(UserId id, PasswordHash passwordHash, Instant now);

    Flux<LinkedAccount> findAccounts(UserId id);

    /**
     * Makes the address the user's email, verified. Emits false when another user has it (also
     * under races), true when changed.
     */
    Mono<Boolean> changeEmailIfFree(UserId id, EmailAddress email, Instant now);

    /** Deletes the user with everything that belongs to them: accounts, sessions, tokens, waiting mail. */
    Mono<Void> delete(UserId id);
}
