package dev.momentum.auth.application.oauth.port.out;

import dev.momentum.auth.domain.oauth.ClientAssertion;
import reactor.core.publisher.Mono;

/** The client assertions already used: each authenticates once (RFC 7523 section 3, {@code jti}). */
public interface SpentAssertions {

    /** True the first time a client's assertion is spent, false ever after, however many race. */
    Mono<Boolean> spend(String clientId, ClientAssertion assertion);
}
