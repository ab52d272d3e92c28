package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.crypto.RandomTokenGenerator;
import dev.momentum.auth.adapter.persistence.PersistenceAdapters;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.SessionIssuer;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.PeriodicJob;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.application.verification.SendVerificationEmailService;
import dev.momentum.auth.application.verification.VerificationMailing;
import dev.momentum.auth.application.verification.VerifyEmailService;
import dev.momentum.auth.application.verification.port.out.AccountLinks;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mailed links and what following them proves. */
@Configuration(proxyBeanMethods = false)
class VerificationWiring {

    @Bean
    VerificationMailing verificationMailing(PersistenceAdapters persistence, RandomTokenGenerator tokens,
                                            PeriodicJob mailDeliveryJob, AccountLinks links, AuthPolicy policy,
                                            Clock clock) {
        return new VerificationMailing(persistence.verificationTokens(), persistence.mailOutbox(), tokens,
                mailDeliveryJob::trigger, links, policy, clock);
    }

    @Bean
    SendVerificationEmailService sendVerificationEmailService(PersistenceAdapters persistence,
                                                              GetSessionService getSession,
                                                              VerificationMailing verificationMailing,
                                                              AuthPolicy policy, RateLimiter limiter) {
        return new SendVerificationEmailService(persistence.users(), getSession, persistence.transactions(),
                verificationMailing, policy, limiter);
    }

    @Bean
    VerifyEmailService verifyEmailService(PersistenceAdapters persistence, SessionIssuer sessionIssuer,
                                          GetSessionService getSession, VerificationMailing mailing, Clock clock, SecurityEvents events) {
        return new VerifyEmailService(persistence.verificationTokens(), persistence.users(), persistence.users(),
                sessionIssuer, getSession,
                mailing, persistence.transactions(), clock, events);
    }
}
