package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.application.admin.AdministrationService;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.Administrators;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin API's use case. */
@Configuration(proxyBeanMethods = false)
class AdminWiring {

    @Bean
    AdministrationService administrationService(Stores stores, AuditTrail auditTrail,
                                                Administrators administrators, AdminPolicy admins,
                                                SecurityEvents events, Clock clock) {
        return new AdministrationService(stores.userRegistry(), administrators, stores.userAdministration(),
                stores.sessions(), stores.secondFactors(), stores.verificationTokens(), auditTrail, stores.transactions(),
                admins, events, clock);
    }
}
