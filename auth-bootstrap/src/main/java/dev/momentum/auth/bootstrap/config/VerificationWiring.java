package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.SessionIssuer;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.PeriodicJob;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
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
    VerificationMailing verificationMailing(Stores stores, SecureTokenGenerator tokens,
                                            PeriodicJob mailDeliveryJob, AccountLinks links, AuthPolicy policy,
                                            Clock clock) {
        return new VerificationMailing(stores.verificationTokens(), stores.mailOutbox(), tokens,
                mailDeliveryJob::trigger, links, policy, clock);
    }

    @Bean
    SendVerificationEmailService sendVerificationEmailService(Stores stores,
                                                              GetSessionService getSession,
                                                              VerificationMailing verificationMailing,
                                                              AuthPolicy policy, RateLimiter limiter) {
        return new SendVerificationEmailService(stores.userLookup(), getSession, stores.transactions(),
                verificationMailing, policy, limiter);
    }

    @Bean
    VerifyEmailService verifyEmailService(Stores stores, SessionIssuer sessionIssuer,
                                          GetSessionService getSession, VerificationMailing mailing, Clock clock, SecurityEvents events) {
        return new VerifyEmailService(stores.verificationTokens(), stores.userLookup(), stores.emailOwnership(),
                sessionIssuer, getSession,
                mailing, stores.transactions(), clock, events);
    }
}
