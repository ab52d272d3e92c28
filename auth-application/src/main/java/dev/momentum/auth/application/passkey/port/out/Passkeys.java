package dev.momentum.auth.application.passkey.port.out;

import dev.momentum.auth.domain.passkey.Passkey;
import dev.momentum.auth.domain.user.UserId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The users' passkeys. */
public interface Passkeys {

    /** False, adding nothing, when a passkey with this credential id exists already. */
    Mono<Boolean> add(Passkey passkey);

    Mono<Passkey> findByCredentialId(String credentialId);

    /** The user's passkeys, oldest first. */
    Flux<Passkey> listOf(UserId user);

    /**
     * Moves the signature counter on if it is still the one read: of two uses racing with one
     * assertion, one moves it. False when another came first.
     */
    Mono<Boolean> advanceCounter(String id, long expected, long counter);

    /** Renames the user's passkey; empty when the user has none with this id. */
    Mono<Passkey> rename(UserId user, String id, String name);

    /** False when the user has no passkey with this id. */
    Mono<Boolean> delete(UserId user, String id);
}
