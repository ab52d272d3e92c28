package dev.momentum.auth.application.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class PeriodicJobTest {

    @Test
    void triggerWhenIntervalIsLongThenRunsAtOnceAnyway() throws InterruptedException {
        CountDownLatch runs = new CountDownLatch(2);
        try (PeriodicJob job = new PeriodicJob("test", Duration.ofHours(1), () -> Mono.fromRunnable(runs::countDown))) {
            job.start();
            job.trigger();

            assertThat(runs.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void startWhenARunFailsThenLaterRunsStillHappen() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch afterFailure = new CountDownLatch(1);
        try (PeriodicJob job = new PeriodicJob("test", Duration.ofMillis(20), () -> calls.incrementAndGet() == 1
                ? Mono.error(new IllegalStateException("database down"))
                : Mono.fromRunnable(afterFailure::countDown))) {
            job.start();

            assertThat(afterFailure.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void triggerWhenARunIsInProgressThenNeverRunsTwiceAtOnce() throws InterruptedException {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch runs = new CountDownLatch(5);
        try (PeriodicJob job = new PeriodicJob("test", Duration.ofMillis(5), () -> Mono.delay(Duration.ofMillis(20))
                .doOnSubscribe(subscription -> mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max))
                .doOnTerminate(() -> {
                    running.decrementAndGet();
                    runs.countDown();
                }))) {
            job.start();
            for (int i = 0; i < 50; i++) {
                job.trigger();
            }

            assertThat(runs.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }
}
