package dev.momentum.auth.application.oauth.port.out;

import dev.momentum.auth.domain.oauth.OAuthClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The registered clients. */
public interface OAuthClients {

    /** Empty when no client has the id. */
    Mono<OAuthClient> find(String clientId);

    /** False when the id is taken. */
    Mono<Boolean> add(OAuthClient client);

    /** Its secret, name or state replaced; false when it is gone. */
    Mono<Boolean> update(OAuthClient client);

    Flux<OAuthClient> list();

    /** With its grants and consents; false when it was not there. */
    Mono<Boolean> delete(String clientId);
}
