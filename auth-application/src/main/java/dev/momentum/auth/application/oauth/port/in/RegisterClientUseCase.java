package dev.momentum.auth.application.oauth.port.in;

import reactor.core.publisher.Mono;

/** Dynamic client registration (RFC 7591), as {@code OAUTH_DYNAMIC_REGISTRATION} allows it. */
public interface RegisterClientUseCase {

    Mono<RegisteredClientResult> register(RegisterClientCommand registration);
}
