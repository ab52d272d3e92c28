package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.crypto.Argon2idPasswordHasher;
import dev.momentum.auth.adapter.persistence.PersistenceAdapters;
import dev.momentum.auth.application.account.ChangeEmailService;
import dev.momentum.auth.application.account.DeleteUserService;
import dev.momentum.auth.application.account.ListAccountsService;
import dev.momentum.auth.application.account.UpdateUserService;
import dev.momentum.auth.application.audit.SecurityEvents;
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
    ListAccountsService listAccountsService(GetSessionService getSession, PersistenceAdapters persistence) {
        return new ListAccountsService(getSession, persistence.users());
    }

    @Bean
    ChangeEmailService changeEmailService(GetSessionService getSession, PersistenceAdapters persistence,
                                          VerificationMailing mailing, ServiceSettings settings, SecurityEvents events) {
        return new ChangeEmailService(getSession, persistence.sessions(), persistence.users(), mailing, persistence.transactions(),
                settings.accountChanges(), events);
    }

    @Bean
    DeleteUserService deleteUserService(GetSessionService getSession, PersistenceAdapters persistence,
                                        Argon2idPasswordHasher hasher, VerificationMailing mailing,
                                        ServiceSettings settings, AuthPolicy policy, Clock clock, SecurityEvents events) {
        return new DeleteUserService(getSession, persistence.sessions(), persistence.users(), persistence.users(), hasher,
                persistence.verificationTokens(), mailing, persistence.transactions(), settings.accountChanges(), policy, clock, events);
    }

    @Bean
    UpdateUserService updateUserService(GetSessionService getSession, PersistenceAdapters persistence, Clock clock) {
        return new UpdateUserService(getSession, persistence.sessions(), persistence.transactions(),
                persistence.users(), clock);
    }
}
