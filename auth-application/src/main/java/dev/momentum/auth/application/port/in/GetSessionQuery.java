package dev.momentum.auth.application.port.in;

import reactor.core.publisher.Mono;

public interface GetSessionQuery {

    /** The live session named by this token, or empty when there is none (unknown or expired). */
    Mono<SessionResult> getSession(String token);
}
