package dev.momentum.auth.application.passkey.port.in;

import dev.momentum.auth.domain.passkey.Passkey;
import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Mono;

/** better-auth's {@code generate-register-options} and {@code verify-registration}. */
public interface PasskeyRegistrationUseCase {

    /** For a user signed in within the last day (better-auth's fresh session). */
    Mono<RegistrationOptionsResult> registrationOptions(BearerToken session);

    Mono<Passkey> register(RegisterPasskeyCommand command);
}
