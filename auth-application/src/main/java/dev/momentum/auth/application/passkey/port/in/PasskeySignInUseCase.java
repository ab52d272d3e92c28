package dev.momentum.auth.application.passkey.port.in;

import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Mono;

/** better-auth's {@code generate-authenticate-options} and {@code verify-authentication}. */
public interface PasskeySignInUseCase {

    /** @param session the session the client holds, or null: then any discoverable passkey may answer */
    Mono<AuthenticationOptionsResult> authenticationOptions(BearerToken session);

    Mono<SessionResult> signIn(PasskeySignInCommand command);
}
