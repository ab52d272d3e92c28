package dev.momentum.auth.application.verification.port.out;

import dev.momentum.auth.domain.user.EmailAddress;
import dev.momentum.auth.domain.user.UserId;
import java.time.Instant;
import reactor.core.publisher.Mono;

/** What a followed verification link proves: that the user owns an address. */
public interface EmailOwnership {

    Mono<Void> markEmailVerified(UserId id, Instant now);

    /**
     * Makes the address the user's email, verified. Emits false when another user has it (also
     * under races), true when changed.
     */
    Mono<Boolean> changeEmailIfFree(UserId id, EmailAddress email, Instant now);
}
