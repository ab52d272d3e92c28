package dev.momentum.auth.bootstrap.metrics;

import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.application.operations.OperationalFiguresService;
import dev.momentum.auth.application.operations.port.in.OperationalFiguresQuery;
import dev.momentum.auth.application.session.CachedSessions;
import dev.momentum.auth.application.signing.SigningKeyRing;
import dev.momentum.auth.bootstrap.config.Stores;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer with a Prometheus registry, without Spring Boot's actuator (ADR-0033): the meters of
 * the JVM and the process, the request timings of the web adapter, and counters put around the
 * audit trail and the mail outbox, so that the use cases know nothing of metrics.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsWiring {

    @Bean(destroyMethod = "close")
    PrometheusMeterRegistry meterRegistry() {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("application", "auth-service");
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        return registry;
    }

    @Bean(destroyMethod = "close")
    JvmGcMetrics jvmGcMetrics(PrometheusMeterRegistry registry) {
        var gc = new JvmGcMetrics();
        gc.bindTo(registry);
        return gc;
    }

    @Bean
    AuditTrail auditTrail(Stores stores, PrometheusMeterRegistry registry) {
        return new CountingAuditTrail(stores.auditTrail(), registry);
    }

    @Bean
    MailOutbox mailOutbox(Stores stores, PrometheusMeterRegistry registry) {
        return new CountingMailOutbox(stores.mailOutbox(), registry);
    }

    @Bean
    OperationalFiguresService operationalFiguresService(Stores stores, SigningKeyRing keys,
                                                        Clock clock) {
        return new OperationalFiguresService(stores.operationalCounts(), keys, clock);
    }

    /** Where get-session's lookups were answered, and whether changes are heard (ADR-0036); none with SESSION_CACHE_TTL=0s. */
    @Bean
    MeterBinder sessionCacheMeters(ObjectProvider<CachedSessions> sessionCache, PrometheusMeterRegistry registry) {
        CachedSessions cache = sessionCache.getIfAvailable();
        MeterBinder meters = cache == null ? into -> { } : into -> {
            FunctionCounter.builder("auth.session.lookups", cache, CachedSessions::lookupsAnsweredFromMemory)
                    .description("Session lookups, by where they were answered").tag("source", "memory")
                    .register(into);
            FunctionCounter.builder("auth.session.lookups", cache, CachedSessions::lookupsReadFromStore)
                    .description("Session lookups, by where they were answered").tag("source", "database")
                    .register(into);
            Gauge.builder("auth.session.cache.listening", cache, held -> held.isListening() ? 1 : 0)
                    .description("1 while the database's change notices are heard, so lookups may come from memory")
                    .register(into);
        };
        meters.bindTo(registry);
        return meters;
    }

    @Bean
    PrometheusScrape prometheusScrape(PrometheusMeterRegistry registry, OperationalFiguresQuery figures) {
        return new PrometheusScrape(registry, figures);
    }
}
