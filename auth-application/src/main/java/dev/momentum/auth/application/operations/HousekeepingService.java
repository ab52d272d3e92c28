package dev.momentum.auth.application.operations;

import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.operations.port.out.StaleRecords.Purged;
import dev.momentum.auth.application.operations.port.out.StaleRecords;
import dev.momentum.auth.application.support.Instants;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import reactor.core.publisher.Mono;

/** Deletes expired sessions and tokens, and sent mail once it is older than the retention. */
public final class HousekeepingService {

    private static final System.Logger LOG = System.getLogger(HousekeepingService.class.getName());

    private final StaleRecords staleRecords;
    private final Duration finishedMailRetention;
    private final AuditTrail auditTrail;
    private final Duration auditRetention;
    private final Clock clock;

    /**
     * @param finishedMailRetention how long delivered and given-up mail stays visible, for support questions
     * @param auditRetention how long security events are kept
     */
    public HousekeepingService(StaleRecords staleRecords, Duration finishedMailRetention, AuditTrail auditTrail,
                               Duration auditRetention, Clock clock) {
        this.staleRecords = Objects.requireNonNull(staleRecords, "staleRecords cannot be null");
        this.finishedMailRetention = Objects.requireNonNull(finishedMailRetention, "finishedMailRetention cannot be null");
        this.auditTrail = Objects.requireNonNull(auditTrail, "auditTrail cannot be null");
        this.auditRetention = Objects.requireNonNull(auditRetention, "auditRetention cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    public Mono<Purged> purge() {
        return Mono.defer(() -> {
            Instant now = Instants.now(clock);
            return staleRecords.purge(now, now.minus(finishedMailRetention))
                    .flatMap(purged -> auditTrail.deleteBefore(now.minus(auditRetention))
                            .doOnNext(events -> LOG.log(Level.INFO, "Housekeeping deleted {0} audit event(s) older than {1}",
                                    events, auditRetention))
                            .thenReturn(purged));
        }).doOnNext(purged -> LOG.log(Level.INFO, "Housekeeping deleted {0} session(s), {1} token(s), {2} mail(s), {3} rate-limit window(s)",
                purged.sessions(), purged.verificationTokens(), purged.mails(), purged.rateLimitWindows()));
    }
}
