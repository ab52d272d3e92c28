package dev.momentum.auth.application.admin.port.in;

import reactor.core.publisher.Mono;

public interface RemoveSecondFactorUseCase {

    /**
     * Removes the user's second factor (authenticator app and backup codes) and every browser they
     * trusted to skip it, for a user who lost it; their next sign-in asks for the password only.
     */
    Mono<Void> removeSecondFactor(UserActionCommand command);
}
