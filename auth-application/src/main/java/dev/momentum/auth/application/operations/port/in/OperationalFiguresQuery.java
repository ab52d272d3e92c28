package dev.momentum.auth.application.operations.port.in;

import reactor.core.publisher.Mono;

/** What the dashboards show of the service's state: sessions, the mail backlog, the signing key's age. */
public interface OperationalFiguresQuery {

    Mono<OperationalFiguresResult> figures();
}
