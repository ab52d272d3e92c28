package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.credential.ChangePasswordService;
import dev.momentum.auth.application.credential.RequestPasswordResetService;
import dev.momentum.auth.application.credential.ResetPasswordService;
import dev.momentum.auth.application.credential.SignInService;
import dev.momentum.auth.application.credential.SignUpService;
import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.SessionIssuer;
import dev.momentum.auth.application.session.SessionReplacement;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.application.twofactor.SignInSecondStep;
import dev.momentum.auth.application.verification.VerificationMailing;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Passwords: sign-up, sign-in, reset and change. */
@Configuration(proxyBeanMethods = false)
class CredentialWiring {

    @Bean
    SignUpService signUpService(Stores stores, PasswordHasher hasher,
                                SecureTokenGenerator tokens, VerificationMailing verificationMailing,
                                AuthPolicy policy, RateLimiter limiter, Clock clock, SecurityEvents events) {
        return new SignUpService(stores.userRegistry(), hasher, tokens, stores.transactions(), verificationMailing,
                policy, limiter, clock, events);
    }

    @Bean
    SignInService signInService(Stores stores, PasswordHasher hasher, SessionReplacement sessions,
                                SignInSecondStep secondStep, AuthPolicy policy, RateLimiter limiter, Clock clock,
                                SecurityEvents events) {
        return new SignInService(stores.passwordCredentials(), hasher, sessions, secondStep, policy, limiter, clock,
                events);
    }

    @Bean
    RequestPasswordResetService requestPasswordResetService(Stores stores,
                                                            VerificationMailing verificationMailing, AuthPolicy policy,
                                                            RateLimiter limiter, SecurityEvents events) {
        return new RequestPasswordResetService(stores.userLookup(), stores.transactions(), verificationMailing,
                policy, limiter, events);
    }

    @Bean
    ResetPasswordService resetPasswordService(Stores stores, PasswordHasher hasher,
                                              AuthPolicy policy, Clock clock, SecurityEvents events) {
        return new ResetPasswordService(stores.verificationTokens(), stores.passwordCredentials(), stores.sessions(),
                hasher, stores.transactions(), policy, clock, events);
    }

    @Bean
    ChangePasswordService changePasswordService(GetSessionService getSession, Stores stores,
                                                PasswordHasher hasher, SessionIssuer sessionIssuer,
                                                AuthPolicy policy, Clock clock, SecurityEvents events) {
        return new ChangePasswordService(getSession, stores.passwordCredentials(), stores.sessions(), hasher, sessionIssuer,
                stores.transactions(), policy, clock, events);
    }
}
