package dev.momentum.auth.application.port.in;

import reactor.core.publisher.Mono;

public interface CheckHealthQuery {

    Mono<HealthResult> check();
}
