package dev.momentum.auth.bootstrap.metrics;

import dev.momentum.auth.application.operations.port.in.OperationalFiguresQuery;
import dev.momentum.auth.application.operations.port.in.OperationalFiguresResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /metrics} in Prometheus' text format, on the management port (ADR-0033). The gauges
 * that need the database (live sessions, mail backlog) are refreshed by the scrape itself, so they
 * cost two COUNTs a scrape and nothing between scrapes; when the database does not answer, the last
 * figures are served and {@code auth_figures_age_seconds} grows.
 */
public final class PrometheusScrape {

    private static final Logger LOG = LoggerFactory.getLogger(PrometheusScrape.class);
    private static final MediaType TEXT_FORMAT = MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");
    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(3);

    private final PrometheusMeterRegistry registry;
    private final OperationalFiguresQuery figures;
    private final AtomicReference<Taken> latest = new AtomicReference<>();

    PrometheusScrape(PrometheusMeterRegistry registry, OperationalFiguresQuery figures) {
        this.registry = registry;
        this.figures = figures;
        Gauge.builder("auth.sessions.active", latest, taken -> figure(taken, OperationalFiguresResult::liveSessions))
                .description("Sessions that have not expired").register(registry);
        Gauge.builder("auth.mail.outbox.pending", latest, taken -> figure(taken, OperationalFiguresResult::pendingMail))
                .description("Mail waiting to be sent, retries included").register(registry);
        Gauge.builder("auth.signing.key.age", latest, taken -> taken.get() == null ? Double.NaN
                        : taken.get().figures().signingKeyAge().map(age -> (double) age.toSeconds()).orElse(Double.NaN))
                .description("Age of the key that signs tokens now").baseUnit("seconds").register(registry);
        Gauge.builder("auth.figures.age", latest, taken -> taken.get() == null ? Double.NaN
                        : (System.nanoTime() - taken.get().atNanos()) / 1e9)
                .description("How old the database figures are: grows while the database does not answer")
                .baseUnit("seconds").register(registry);
    }

    private static double figure(AtomicReference<Taken> taken,
                                 ToLongFunction<OperationalFiguresResult> part) {
        Taken current = taken.get();
        return current == null ? Double.NaN : part.applyAsLong(current.figures());
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().GET("/metrics", request -> scrape()
                .flatMap(text -> ServerResponse.ok().contentType(TEXT_FORMAT).bodyValue(text))).build();
    }

    /** Refreshes the database figures (keeping the last ones when that fails), then writes every meter. */
    Mono<String> scrape() {
        return figures.figures()
                .timeout(REFRESH_TIMEOUT)
                .doOnNext(current -> latest.set(new Taken(current, System.nanoTime())))
                .onErrorResume(failure -> {
                    LOG.warn("Metrics: database figures not refreshed: {}", failure.toString());
                    return Mono.empty();
                })
                .then(Mono.fromCallable(registry::scrape).subscribeOn(Schedulers.boundedElastic()));
    }

    private record Taken(OperationalFiguresResult figures, long atNanos) {
    }
}
