package dev.momentum.auth.application.credential.port.in;

import reactor.core.publisher.Mono;

public interface ChangePasswordUseCase {

    /**
     * Replaces the password of the caller's user after checking the current one. With
     * revokeOtherSessions every session ends, the caller's too, and a new one is started for the
     * caller (better-auth's behaviour); the result then carries it.
     */
    Mono<ChangePasswordResult> changePassword(ChangePasswordCommand command);
}
