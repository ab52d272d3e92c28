package dev.momentum.auth.application.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.application.mail.port.out.MailRejectedException;
import dev.momentum.auth.application.testing.InMemoryMailOutbox.Status;
import dev.momentum.auth.application.testing.RecordingMailer;
import dev.momentum.auth.application.testing.TestAuthService;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MailDeliveryServiceTest {

    private final TestAuthService auth = new TestAuthService();

    private long deliverDue() {
        return auth.mailDelivery.deliverDue().block();
    }

    @Test
    void signUpWhenCommittedThenMailIsQueuedNotSentAndDeliveryIsWoken() {
        auth.signUp("ada@example.com");

        assertThat(auth.outbox.queued()).hasSize(1);
        assertThat(auth.mailer.sent).isEmpty();
        assertThat(auth.deliveryWakeUps.get()).isEqualTo(1);
    }

    @Test
    void deliverDueWhenProviderAcceptsThenSendsOnceWithTheOutboxIdAsIdempotencyKey() {
        auth.signUp("ada@example.com");
        String id = auth.outbox.only().id;

        assertThat(deliverDue()).isEqualTo(1);
        assertThat(deliverDue()).isZero();

        assertThat(auth.mailer.sent).singleElement().satisfies(sent -> {
            assertThat(sent.idempotencyKey()).isEqualTo(id);
            assertThat(sent.mail()).isEqualTo(auth.outbox.only().mail);
        });
        assertThat(auth.outbox.only().status).isEqualTo(Status.DELIVERED);
    }

    @Test
    void deliverDueWhenMoreMailThanOneBatchThenSendsItAllInOnePass() {
        IntStream.range(0, 10).forEach(i -> auth.signUp("user" + i + "@example.com"));

        assertThat(deliverDue()).isEqualTo(10);
        assertThat(auth.mailer.sent).extracting(RecordingMailer.Sent::idempotencyKey).doesNotHaveDuplicates()
                .hasSize(10);
    }

    @Test
    void deliverDueWhenProviderFailsThenRetriesWithDoublingDelaysUpToTheLongest() {
        auth.signUp("ada@example.com");
        auth.mailer.failure = mail -> new IllegalStateException("provider down");
        Instant queuedAt = auth.clock.instant();

        deliverDue();
        assertThat(auth.outbox.only().nextAttemptAt).isEqualTo(queuedAt.plusSeconds(5));
        auth.clock.advance(Duration.ofSeconds(4));
        deliverDue();
        assertThat(auth.mailer.attempts).hasSize(1);

        for (long expectedDelay : new long[] {10, 20, 40, 80, 160, 320, 600, 600}) {
            auth.clock.advance(Duration.between(auth.clock.instant(), auth.outbox.only().nextAttemptAt));
            Instant attemptAt = auth.clock.instant();
            deliverDue();
            assertThat(auth.outbox.only().nextAttemptAt).isEqualTo(attemptAt.plusSeconds(expectedDelay));
        }
        assertThat(auth.outbox.only().status).isEqualTo(Status.PENDING);
        assertThat(auth.outbox.only().lastError).contains("provider down");
    }

    @Test
    void deliverDueWhenProviderRecoversThenEveryMailIsDeliveredExactlyOnce() {
        IntStream.range(0, 7).forEach(i -> auth.signUp("user" + i + "@example.com"));
        auth.mailer.failure = mail -> new IllegalStateException("provider down");
        for (int minute = 0; minute < 10; minute++) {
            deliverDue();
            auth.clock.advance(Duration.ofMinutes(1));
        }
        assertThat(auth.mailer.sent).isEmpty();

        auth.mailer.failure = null;
        auth.clock.advance(Duration.ofMinutes(10));
        deliverDue();

        assertThat(auth.mailer.sent).extracting(sent -> sent.mail().to().value()).containsExactlyInAnyOrder(
                IntStream.range(0, 7).mapToObj(i -> "user" + i + "@example.com").toArray(String[]::new));
        assertThat(auth.outbox.entries.values()).allMatch(entry -> entry.status == Status.DELIVERED);
        assertThat(auth.mailer.attempts).hasSizeGreaterThan(7 * 3);
    }

    @Test
    void deliverDueWhenProviderRejectsTheMailThenGivesItUpAtOnce() {
        auth.signUp("ada@example.com");
        auth.mailer.failure = mail -> new MailRejectedException("Resend answered 422: invalid to");

        deliverDue();
        auth.clock.advance(Duration.ofHours(1));
        deliverDue();

        assertThat(auth.mailer.attempts).hasSize(1);
        assertThat(auth.outbox.only().status).isEqualTo(Status.FAILED);
        assertThat(auth.outbox.only().lastError).contains("422");
    }

    @Test
    void deliverDueWhenStillFailingAfterTheGiveUpTimeThenGivesUp() {
        auth.signUp("ada@example.com");
        auth.mailer.failure = mail -> new IllegalStateException("provider down");

        for (int hour = 0; hour <= 23; hour++) {
            deliverDue();
            auth.clock.advance(Duration.ofHours(1));
        }

        assertThat(auth.outbox.only().status).isEqualTo(Status.FAILED);
    }

    @Test
    void deliverDueWhenAnotherInstanceHoldsTheMailThenLeavesItAlone() {
        auth.signUp("ada@example.com");
        Instant now = auth.clock.instant();
        auth.outbox.claimDue(now, now.plus(Duration.ofMinutes(2)), 10).blockLast();

        assertThat(deliverDue()).isZero();
        auth.clock.advance(Duration.ofMinutes(2));
        assertThat(deliverDue()).isEqualTo(1);
    }
}
