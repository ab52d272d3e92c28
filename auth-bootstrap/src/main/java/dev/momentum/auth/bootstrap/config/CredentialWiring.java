package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.crypto.Argon2idPasswordHasher;
import dev.momentum.auth.adapter.crypto.RandomTokenGenerator;
import dev.momentum.auth.adapter.persistence.PersistenceAdapters;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.credential.ChangePasswordService;
import dev.momentum.auth.application.credential.RequestPasswordResetService;
import dev.momentum.auth.application.credential.ResetPasswordService;
import dev.momentum.auth.application.credential.SignInService;
import dev.momentum.auth.application.credential.SignUpService;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.SessionIssuer;
import dev.momentum.auth.application.session.SignOutService;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.application.verification.VerificationMailing;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Passwords: sign-up, sign-in, reset and change. */
@Configuration(proxyBeanMethods = false)
class CredentialWiring {

    @Bean
    SignUpService signUpService(PersistenceAdapters persistence, Argon2idPasswordHasher hasher,
                                RandomTokenGenerator tokens, VerificationMailing verificationMailing,
                                AuthPolicy policy, RateLimiter limiter, Clock clock, SecurityEvents events) {
        return new SignUpService(persistence.users(), hasher, tokens, persistence.transactions(), verificationMailing,
                policy, limiter, clock, events);
    }

    @Bean
    SignInService signInService(PersistenceAdapters persistence, Argon2idPasswordHasher hasher,
                                SessionIssuer sessionIssuer, SignOutService signOut, AuthPolicy policy,
                                RateLimiter limiter, Clock clock, SecurityEvents events) {
        return new SignInService(persistence.users(), hasher, sessionIssuer, signOut, persistence.transactions(), policy,
                limiter, clock, events);
    }

    @Bean
    RequestPasswordResetService requestPasswordResetService(PersistenceAdapters persistence,
                                                            VerificationMailing verificationMailing, AuthPolicy policy,
                                                            RateLimiter limiter, SecurityEvents events) {
        return new RequestPasswordResetService(persistence.users(), persistence.transactions(), verificationMailing,
                policy, limiter, events);
    }

    @Bean
    ResetPasswordService resetPasswordService(PersistenceAdapters persistence, Argon2idPasswordHasher hasher,
                                              AuthPolicy policy, Clock clock, SecurityEvents events) {
        return new ResetPasswordService(persistence.verificationTokens(), persistence.users(), persistence.sessions(),
                hasher, persistence.transactions(), policy, clock, events);
    }

    @Bean
    ChangePasswordService changePasswordService(GetSessionService getSession, PersistenceAdapters persistence,
                                                Argon2idPasswordHasher hasher, SessionIssuer sessionIssuer,
                                                AuthPolicy policy, Clock clock, SecurityEvents events) {
        return new ChangePasswordService(getSession, persistence.users(), persistence.sessions(), hasher, sessionIssuer,
                persistence.transactions(), policy, clock, events);
    }
}
