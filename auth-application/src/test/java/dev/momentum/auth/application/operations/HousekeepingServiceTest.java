package dev.momentum.auth.application.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.audit.SecurityEvents.Subject;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.operations.port.out.StaleRecords;
import dev.momentum.auth.application.testing.InMemoryAuditTrail;
import dev.momentum.auth.application.testing.MutableClock;
import dev.momentum.auth.domain.audit.SecurityEvent;
import dev.momentum.auth.domain.audit.SecurityEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class HousekeepingServiceTest {

    @Test
    void purgeThenExpiredRecordsGoAsOfNowAndFinishedMailAndAuditEventsAfterTheirRetention() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
        List<Instant[]> calls = new ArrayList<>();
        StaleRecords records = (now, finishedMailBefore) -> {
            calls.add(new Instant[] {now, finishedMailBefore});
            return Mono.just(new StaleRecords.Purged(3, 2, 1, 4));
        };

        var auditTrail = new InMemoryAuditTrail();
        var events = new SecurityEvents(auditTrail, clock);
        events.succeeded(SecurityEventType.SIGN_IN, Subject.NOBODY, null).block();
        clock.advance(Duration.ofDays(2));
        events.succeeded(SecurityEventType.SIGN_OUT, Subject.NOBODY, null).block();
        clock.advance(Duration.ofDays(29));

        var purged = new HousekeepingService(records, Duration.ofDays(7), auditTrail, Duration.ofDays(30), clock)
                .purge().block();

        assertThat(purged).isEqualTo(new StaleRecords.Purged(3, 2, 1, 4));
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call[0]).isEqualTo(clock.instant());
            assertThat(call[1]).isEqualTo(clock.instant().minus(Duration.ofDays(7)));
        });
        assertThat(auditTrail.events()).extracting(SecurityEvent::type).containsExactly(SecurityEventType.SIGN_OUT);
    }
}
