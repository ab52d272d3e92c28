package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.Administrators;
import dev.momentum.auth.domain.credential.PasswordPolicy;
import java.time.Clock;
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
    AuthPolicy authPolicy(PasswordPolicy passwordPolicy, ServiceSettings settings) {
        AuthPolicy defaults = AuthPolicy.defaults();
        return new AuthPolicy(passwordPolicy, defaults.sessionLifetime(), defaults.verificationTokenValidity(),
                defaults.enumerationFloor(), settings.revokeSessionsOnPasswordReset());
    }

    @Bean
    RateLimiter rateLimiter(Stores stores, ServiceSettings settings, Clock clock) {
        return new RateLimiter(settings.rateLimits(), stores.rateLimits(), clock);
    }

    @Bean
    AdminPolicy adminPolicy(ServiceSettings settings) {
        return settings.admins();
    }

    @Bean
    Administrators administrators(Stores stores, AdminPolicy admins) {
        return new Administrators(stores.userLookup(), admins);
    }
}
