package dev.momentum.auth.application.passkey.port.out;

import dev.momentum.auth.domain.token.TokenHash;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** The challenges of WebAuthn ceremonies, stored as hashes: single use and short-lived. */
public interface PasskeyChallenges {

    enum Ceremony { REGISTRATION, AUTHENTICATION }

    /** @param user the user registering, or the signed-in user of an authentication; empty: nobody yet */
    Mono<Void> open(TokenHash challenge, Ceremony ceremony, Optional<UserId> user, Instant expiresAt);

    /**
     * Spends the open, unexpired challenge of this ceremony, atomically: of racing calls one gets
     * it. Empty when there is none.
     */
    Mono<Opened> consume(TokenHash challenge, Ceremony ceremony, Instant now);

    record Opened(Optional<UserId> user) {
    }
}
