package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.mail.MailSettings;
import dev.momentum.auth.adapter.web.operations.HealthProbes;
import dev.momentum.auth.bootstrap.metrics.MetricsWiring;
import dev.momentum.auth.bootstrap.metrics.PrometheusScrape;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * Everything the service is made of; the application imports this one class. The use cases are
 * wired one capability a class, each bean by hand, so the services stay free of Spring.
 */
@Configuration(proxyBeanMethods = false)
@Import({AdapterWiring.class, SupportWiring.class, SessionWiring.class, CredentialWiring.class, TwoFactorWiring.class,
        PasskeyWiring.class, OAuthWiring.class, VerificationWiring.class, AccountWiring.class, SigningWiring.class,
        AdminWiring.class, OperationsWiring.class, MetricsWiring.class})
public class ServiceWiring {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceWiring.class);

    @Bean
    ManagementServer managementServer(ServiceSettings settings, HealthProbes probes, PrometheusScrape metrics) {
        return new ManagementServer(settings.managementPort(), probes.routes().and(metrics.routes()));
    }

    @Bean
    StartupNotice startupNotice(ServiceSettings settings) {
        return new StartupNotice(settings);
    }

    record StartupNotice(ServiceSettings settings) {

        @EventListener(ApplicationReadyEvent.class)
        public void announce() {
            if (settings.usesEmbeddedDatabase() || settings.mail().provider() == MailSettings.Provider.LOG) {
                LOG.warn("Running on development defaults ({}{}). Set DATABASE_URL, AUTH_SECRET and RESEND_API_KEY "
                                + "or MAIL_PROVIDER=smtp for a real deployment.",
                        settings.usesEmbeddedDatabase() ? "embedded database in " + settings.dataDirectory().toAbsolutePath() : "PostgreSQL",
                        settings.mail().provider() == MailSettings.Provider.LOG ? ", mail printed to the log" : "");
            }
            LOG.info("Auth API ready at {}/api/auth (heap at most {} MiB)", settings.web().publicBaseUrl(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }
}
