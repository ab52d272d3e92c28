package dev.momentum.auth.application.signing.port.in;

import dev.momentum.auth.domain.user.UserId;
import reactor.core.publisher.Mono;

public interface RotateSigningKeysUseCase {

    /**
     * The scheduled rotation, run on every instance every few minutes: installs the keys other
     * instances added (the first key at start), and adds the successor when the active key is due.
     */
    Mono<Void> rotateWhenDue();

    /**
     * Adds a key that signs from now on, for when a key may be compromised; the earlier keys stay
     * published until the tokens they signed have expired. Answers the new key's id.
     */
    Mono<String> rotateNow(UserId administrator);
}
