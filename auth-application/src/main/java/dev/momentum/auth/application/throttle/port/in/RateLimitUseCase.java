package dev.momentum.auth.application.throttle.port.in;

import reactor.core.publisher.Mono;

/** The budget of requests each client address has per path, checked before any other work. */
public interface RateLimitUseCase {

    /**
     * Counts one request of {@code clientAddress} to {@code path} (relative to the auth API's base
     * path) and fails with {@link dev.momentum.auth.application.error.RateLimitedException} when
     * the client has spent its budget for that path.
     */
    Mono<Void> admitRequest(String clientAddress, String path);
}
