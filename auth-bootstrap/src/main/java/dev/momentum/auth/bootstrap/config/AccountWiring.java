package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.application.account.ChangeEmailService;
import dev.momentum.auth.application.account.DeleteUserService;
import dev.momentum.auth.application.account.ListAccountsService;
import dev.momentum.auth.application.account.UpdateUserService;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.verification.VerificationMailing;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What users change of their own account. */
@Configuration(proxyBeanMethods = false)
class AccountWiring {

    @Bean
    ListAccountsService listAccountsService(GetSessionService getSession, Stores stores) {
        return new ListAccountsService(getSession, stores.accountDetails());
    }

    @Bean
    ChangeEmailService changeEmailService(GetSessionService getSession, Stores stores,
                                          VerificationMailing mailing, ServiceSettings settings, SecurityEvents events) {
        return new ChangeEmailService(getSession, stores.sessions(), stores.userLookup(), mailing, stores.transactions(),
                settings.accountChanges(), events);
    }

    @Bean
    DeleteUserService deleteUserService(GetSessionService getSession, Stores stores,
                                        PasswordHasher hasher, VerificationMailing mailing,
                                        ServiceSettings settings, AuthPolicy policy, Clock clock, SecurityEvents events) {
        return new DeleteUserService(getSession, stores.sessions(), stores.userRegistry(), stores.passwordCredentials(), hasher,
                stores.verificationTokens(), mailing, stores.transactions(), settings.accountChanges(), policy, clock, events);
    }

    @Bean
    UpdateUserService updateUserService(GetSessionService getSession, Stores stores, Clock clock) {
        return new UpdateUserService(getSession, stores.sessions(), stores.transactions(),
                stores.accountDetails(), clock);
    }
}
