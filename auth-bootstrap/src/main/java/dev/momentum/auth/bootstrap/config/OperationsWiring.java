package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.mail.MailDeliveryService;
import dev.momentum.auth.application.mail.port.out.AccountMailer;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.application.operations.HealthService;
import dev.momentum.auth.application.operations.HousekeepingService;
import dev.momentum.auth.application.support.PeriodicJob;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mail delivery, housekeeping and health: the jobs and checks that keep the service running. */
@Configuration(proxyBeanMethods = false)
class OperationsWiring {

    @Bean
    MailDeliveryService mailDeliveryService(MailOutbox mailOutbox, AccountMailer mailer, ServiceSettings settings,
                                            Clock clock) {
        return new MailDeliveryService(mailOutbox, mailer, settings.mailDelivery(), clock);
    }

    /** Polls for due mail (retries, other instances' mail) and runs at once when a request queued some. */
    @Bean(destroyMethod = "close")
    PeriodicJob mailDeliveryJob(MailDeliveryService delivery, ServiceSettings settings) {
        return PeriodicJob.started("Mail delivery", settings.mailPollInterval(), delivery::deliverDue);
    }

    @Bean
    HousekeepingService housekeepingService(Stores stores, AuditTrail auditTrail,
                                            ServiceSettings settings, Clock clock) {
        return new HousekeepingService(stores.staleRecords(), settings.mailRetention(), auditTrail,
                settings.auditRetention(), clock);
    }

    @Bean(destroyMethod = "close")
    PeriodicJob housekeepingJob(HousekeepingService housekeeping, ServiceSettings settings) {
        return PeriodicJob.started("Housekeeping", settings.housekeepingInterval(), housekeeping::purge);
    }

    @Bean
    HealthService healthService(Stores stores) {
        return new HealthService(stores.probe());
    }
}
