package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.credential.PasswordCheck;
import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.session.CurrentSession;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.SessionReplacement;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.PeriodicJob;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.twofactor.CodeCheck;
import dev.momentum.auth.application.twofactor.FactorSecrets;
import dev.momentum.auth.application.twofactor.MailedCodes;
import dev.momentum.auth.application.twofactor.ManageSecondFactorService;
import dev.momentum.auth.application.twofactor.SignInSecondStep;
import dev.momentum.auth.application.twofactor.VerifySecondFactorService;
import dev.momentum.auth.application.twofactor.port.out.TotpCodes;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Second factors: enrolment, the second step of a sign-in, trusted devices (ADR-0048). */
@Configuration(proxyBeanMethods = false)
class TwoFactorWiring {

    @Bean
    SignInSecondStep signInSecondStep(Stores stores, SecureTokenGenerator random, Clock clock) {
        return new SignInSecondStep(stores.verificationTokens(), stores.secondFactors(), random, clock);
    }

    @Bean
    MailedCodes mailedCodes(Stores stores, SecureTokenGenerator random, PeriodicJob mailDeliveryJob, Clock clock) {
        return new MailedCodes(stores.verificationTokens(), stores.mailOutbox(), random, mailDeliveryJob::trigger, clock);
    }

    @Bean
    CodeCheck codeCheck(Stores stores, FactorSecrets secrets, TotpCodes totp, MailedCodes mailed, SecurityEvents events,
                        Clock clock) {
        return new CodeCheck(stores.secondFactors(), secrets, totp, mailed, events, clock);
    }

    @Bean
    ManageSecondFactorService manageSecondFactorService(GetSessionService getSession, Stores stores,
                                                        PasswordHasher hasher, AuthPolicy policy, FactorSecrets secrets,
                                                        TotpCodes totp, SecureTokenGenerator random,
                                                        SessionReplacement replacement, SecurityEvents events,
                                                        Clock clock, ServiceSettings settings) {
        return new ManageSecondFactorService(new CurrentSession(getSession),
                new PasswordCheck(stores.passwordCredentials(), hasher, policy.passwordPolicy()), stores.secondFactors(),
                secrets, totp, random, stores.verificationTokens(), replacement, events, clock,
                settings.appName());
    }

    @Bean
    VerifySecondFactorService verifySecondFactorService(GetSessionService getSession, Stores stores, CodeCheck codes,
                                                        MailedCodes mailed, SignInSecondStep secondStep,
                                                        SessionReplacement replacement, SecurityEvents events,
                                                        Clock clock) {
        return new VerifySecondFactorService(getSession, stores.signInChallenges(), stores.verificationTokens(),
                stores.userLookup(), stores.secondFactors(), codes, mailed, secondStep, replacement, events, clock);
    }
}
