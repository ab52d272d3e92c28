package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.crypto.CommonPasswords;
import dev.momentum.auth.adapter.persistence.PersistenceAdapters;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.Administrators;
import java.time.Clock;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock, the audit events, the policies and the limits that every capability shares. */
@Configuration(proxyBeanMethods = false)
class SupportWiring {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecurityEvents securityEvents(AuditTrail auditTrail, Clock clock) {
        return new SecurityEvents(auditTrail, clock);
    }

    @Bean
    AuthPolicy authPolicy(ServiceSettings settings) {
        AuthPolicy defaults = AuthPolicy.defaults();
        Set<String> common = CommonPasswords.read();
        return new AuthPolicy(defaults.passwordPolicy().refusing(common::contains),
                defaults.sessionLifetime(), defaults.verificationTokenValidity(), defaults.enumerationFloor(),
                settings.revokeSessionsOnPasswordReset());
    }

    @Bean
    RateLimiter rateLimiter(PersistenceAdapters persistence, ServiceSettings settings, Clock clock) {
        return new RateLimiter(settings.rateLimits(), persistence.rateLimits(), clock);
    }

    @Bean
    AdminPolicy adminPolicy(ServiceSettings settings) {
        return new AdminPolicy(settings.adminEmails());
    }

    @Bean
    Administrators administrators(PersistenceAdapters persistence, AdminPolicy admins) {
        return new Administrators(persistence.users(), admins);
    }
}
