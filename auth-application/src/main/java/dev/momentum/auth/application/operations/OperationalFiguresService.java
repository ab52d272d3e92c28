package dev.momentum.auth.application.operations;

import dev.momentum.auth.application.operations.port.in.OperationalFiguresQuery;
import dev.momentum.auth.application.operations.port.in.OperationalFiguresResult;
import dev.momentum.auth.application.operations.port.out.OperationalCounts;
import dev.momentum.auth.application.signing.SigningKeyRing;
import dev.momentum.auth.application.support.Instants;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

public final class OperationalFiguresService implements OperationalFiguresQuery {

    private final OperationalCounts counts;
    private final SigningKeyRing keys;
    private final Clock clock;

    public OperationalFiguresService(OperationalCounts counts, SigningKeyRing keys, Clock clock) {
        this.counts = Objects.requireNonNull(counts, "counts cannot be null");
        this.keys = Objects.requireNonNull(keys, "keys cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<OperationalFiguresResult> figures() {
        return Mono.defer(() -> {
            Instant now = Instants.now(clock);
            return Mono.zip(counts.liveSessions(now), counts.pendingMail(),
                    (sessions, mail) -> new OperationalFiguresResult(sessions, mail, keys.signingKeyAge(now)));
        });
    }
}
