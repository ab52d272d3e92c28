package dev.momentum.auth.application.support;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Runs a piece of work every interval and whenever {@link #trigger} asks, never twice at once:
 * requests that arrive while it runs fold into one more run. A failed run is logged and the
 * schedule goes on, so a database outage pauses the job without ending it.
 */
public final class PeriodicJob implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PeriodicJob.class.getName());

    private final String name;
    private final Duration interval;
    private final Supplier<Mono<?>> work;
    private final Sinks.Many<Long> triggers = Sinks.many().multicast().directBestEffort();
    private volatile Disposable running;

    public PeriodicJob(String name, Duration interval, Supplier<Mono<?>> work) {
        this.name = Objects.requireNonNull(name, "name cannot be null");
        this.interval = Objects.requireNonNull(interval, "interval cannot be null");
        this.work = Objects.requireNonNull(work, "work cannot be null");
    }

    /** A job already running. */
    public static PeriodicJob started(String name, Duration interval, Supplier<Mono<?>> work) {
        PeriodicJob job = new PeriodicJob(name, interval, work);
        job.start();
        return job;
    }

    public synchronized void start() {
        if (running == null) {
            running = Flux.merge(Flux.interval(Duration.ZERO, interval), triggers.asFlux())
                    .onBackpressureLatest()
                    .concatMap(tick -> Mono.defer(work).onErrorResume(this::logged), 1)
                    .subscribe();
        }
    }

    /** Asks for a run as soon as the current one, if any, ends. */
    public synchronized void trigger() {
        triggers.tryEmitNext(0L);
    }

    private Mono<Object> logged(Throwable error) {
        LOG.log(Level.WARNING, "{0} failed, next run in {1}: {2}", name, interval, error.toString());
        return Mono.empty();
    }

    @Override
    public synchronized void close() {
        if (running != null) {
            running.dispose();
        }
    }
}
