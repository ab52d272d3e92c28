package dev.momentum.auth.application.credential.port.in;

import reactor.core.publisher.Mono;

public interface ResetPasswordUseCase {

    /** Spends the reset token (once, under any concurrency) and sets the new password. */
    Mono<Void> resetPassword(ResetPasswordCommand command);
}
