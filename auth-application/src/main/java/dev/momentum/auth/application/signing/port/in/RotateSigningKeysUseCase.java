package dev.momentum.auth.application.signing.port.in;

import dev.momentum.auth.domain.user.UserId;
import reactor.core.publisher.Mono;

public interface RotateSigningKeysUseCase {

    /**
     * Adds a key that signs from now on, for when a key may be compromised; the earlier keys stay
     * published until the tokens they signed have expired. Answers the new key's id.
     */
    Mono<String> rotateNow(UserId administrator);
}
