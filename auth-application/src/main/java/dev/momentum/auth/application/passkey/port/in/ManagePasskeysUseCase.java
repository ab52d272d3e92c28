package dev.momentum.auth.application.passkey.port.in;

import dev.momentum.auth.domain.passkey.Passkey;
import dev.momentum.auth.domain.token.BearerToken;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The signed-in user's own passkeys; another user's answer PASSKEY_NOT_FOUND. */
public interface ManagePasskeysUseCase {

    Flux<Passkey> list(BearerToken session);

    Mono<Passkey> rename(BearerToken session, String id, String name);

    Mono<Void> delete(BearerToken session, String id);
}
