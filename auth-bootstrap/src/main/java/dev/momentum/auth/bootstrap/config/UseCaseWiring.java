package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.crypto.Argon2idPasswordHasher;
import dev.momentum.auth.adapter.crypto.CommonPasswords;
import dev.momentum.auth.adapter.crypto.RandomTokenGenerator;
import dev.momentum.auth.adapter.persistence.PersistenceAdapters;
import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.application.account.ChangeEmailService;
import dev.momentum.auth.application.account.DeleteUserService;
import dev.momentum.auth.application.account.ListAccountsService;
import dev.momentum.auth.application.account.UpdateUserService;
import dev.momentum.auth.application.admin.AdministrationService;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.audit.port.out.AuditTrail;
import dev.momentum.auth.application.credential.ChangePasswordService;
import dev.momentum.auth.application.credential.RequestPasswordResetService;
import dev.momentum.auth.application.credential.ResetPasswordService;
import dev.momentum.auth.application.credential.SignInService;
import dev.momentum.auth.application.credential.SignUpService;
import dev.momentum.auth.application.mail.MailDeliveryService;
import dev.momentum.auth.application.mail.port.out.AccountMailer;
import dev.momentum.auth.application.mail.port.out.MailOutbox;
import dev.momentum.auth.application.operations.HealthService;
import dev.momentum.auth.application.operations.HousekeepingService;
import dev.momentum.auth.application.session.CachedSessions;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.ListSessionsService;
import dev.momentum.auth.application.session.RevokeSessionsService;
import dev.momentum.auth.application.session.SessionIssuer;
import dev.momentum.auth.application.session.SignOutService;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.signing.IssueTokenService;
import dev.momentum.auth.application.signing.KeyRotationService;
import dev.momentum.auth.application.signing.SigningKeyRing;
import dev.momentum.auth.application.signing.TokenPolicy;
import dev.momentum.auth.application.signing.port.out.TokenSigning;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.PeriodicJob;
import dev.momentum.auth.application.throttle.RateLimiter;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.Administrators;
import dev.momentum.auth.application.verification.SendVerificationEmailService;
import dev.momentum.auth.application.verification.VerificationMailing;
import dev.momentum.auth.application.verification.VerifyEmailService;
import dev.momentum.auth.application.verification.port.out.AccountLinks;
import dev.momentum.auth.domain.signing.KeyRotation;
import java.time.Clock;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One bean per use case: the services stay free of Spring, and their wiring is in plain sight here. */
@Configuration(proxyBeanMethods = false)
class UseCaseWiring {

    /** About 1 KiB a session: the sessions of this many users at once are served from memory. */
    private static final int SESSION_CACHE_CAPACITY = 10_000;

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
    SessionIssuer sessionIssuer(PersistenceAdapters persistence, RandomTokenGenerator tokens, AuthPolicy policy,
                                Clock clock) {
        return new SessionIssuer(persistence.sessions(), tokens, policy.sessionLifetime(), clock);
    }

    @Bean
    MailDeliveryService mailDeliveryService(MailOutbox mailOutbox, AccountMailer mailer, ServiceSettings settings,
                                            Clock clock) {
        return new MailDeliveryService(mailOutbox, mailer, settings.mailDelivery(), clock);
    }

    /** Polls for due mail (retries, other instances' mail) and runs at once when a request queued some. */
    @Bean(destroyMethod = "close")
    PeriodicJob mailDeliveryJob(MailDeliveryService delivery, ServiceSettings settings) {
        return PeriodicJob.started("Mail delivery", settings.mailPollInterval(), delivery::deliverDue);
    }

    @Bean
    HousekeepingService housekeepingService(PersistenceAdapters persistence, AuditTrail auditTrail,
                                            ServiceSettings settings, Clock clock) {
        return new HousekeepingService(persistence.staleRecords(), settings.mailRetention(), auditTrail,
                settings.auditRetention(), clock);
    }

    @Bean(destroyMethod = "close")
    PeriodicJob housekeepingJob(HousekeepingService housekeeping, ServiceSettings settings) {
        return PeriodicJob.started("Housekeeping", settings.housekeepingInterval(), housekeeping::purge);
    }

    @Bean
    VerificationMailing verificationMailing(PersistenceAdapters persistence, RandomTokenGenerator tokens,
                                            PeriodicJob mailDeliveryJob, AccountLinks links, AuthPolicy policy,
                                            Clock clock) {
        return new VerificationMailing(persistence.verificationTokens(), persistence.mailOutbox(), tokens,
                mailDeliveryJob::trigger, links, policy, clock);
    }

    @Bean
    RateLimiter rateLimiter(PersistenceAdapters persistence, ServiceSettings settings, Clock clock) {
        return new RateLimiter(settings.rateLimits(), persistence.rateLimits(), clock);
    }

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

    /**
     * The sessions get-session looks up: held in memory until the database announces that the user
     * or session changed, at most SESSION_CACHE_TTL (ADR-0036, ADR-0042); with 0s, or on the embedded
     * database, which announces nothing, read from the database every time.
     */
    @Bean
    CachedSessions sessionCache(PersistenceAdapters persistence, ServiceSettings settings, Clock clock) {
        return settings.sessionCacheTtl().isZero() || !persistence.announcesChanges() ? null
                : new CachedSessions(persistence.sessions(), persistence.userChanges(), settings.sessionCacheTtl(),
                        SESSION_CACHE_CAPACITY, clock);
    }

    @Bean
    SessionRepository sessionLookups(PersistenceAdapters persistence, ObjectProvider<CachedSessions> cache) {
        CachedSessions cached = cache.getIfAvailable();
        return cached != null ? cached : persistence.sessions();
    }

    @Bean
    GetSessionService getSessionService(SessionRepository sessionLookups, AuthPolicy policy, Clock clock) {
        return new GetSessionService(sessionLookups, policy.sessionLifetime(), clock);
    }

    @Bean
    ListSessionsService listSessionsService(GetSessionService getSession, PersistenceAdapters persistence,
                                            AuthPolicy policy, Clock clock) {
        return new ListSessionsService(getSession, persistence.sessions(), policy.sessionLifetime(), clock);
    }

    @Bean
    RevokeSessionsService revokeSessionsService(GetSessionService getSession, PersistenceAdapters persistence, SecurityEvents events) {
        return new RevokeSessionsService(getSession, persistence.sessions(), events);
    }

    @Bean
    ListAccountsService listAccountsService(GetSessionService getSession, PersistenceAdapters persistence) {
        return new ListAccountsService(getSession, persistence.users());
    }

    @Bean
    SignOutService signOutService(PersistenceAdapters persistence, SecurityEvents events) {
        return new SignOutService(persistence.sessions(), events);
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
        return new DeleteUserService(getSession, persistence.sessions(), persistence.users(), persistence.users(), hasher, persistence.verificationTokens(),
                mailing, persistence.transactions(), settings.accountChanges(), policy, clock, events);
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

    @Bean
    UpdateUserService updateUserService(GetSessionService getSession, PersistenceAdapters persistence, Clock clock) {
        return new UpdateUserService(getSession, persistence.sessions(), persistence.transactions(),
                persistence.users(), clock);
    }

    @Bean
    SigningKeyRing signingKeyRing(PersistenceAdapters persistence, TokenSigning signing, RandomTokenGenerator ids,
                                  ServiceSettings settings, SecurityEvents events, Clock clock) {
        var tokens = settings.tokens();
        var rotation = new KeyRotation(tokens.rotationPeriod(), tokens.publishLead(), tokens.lifetime(),
                tokens.publishLead());
        return new SigningKeyRing(persistence.signingKeys(), signing, ids, rotation, tokens.algorithm(), clock, events);
    }

    @Bean
    KeyRotationService keyRotationService(SigningKeyRing ring, Administrators administrators) {
        return new KeyRotationService(ring, administrators);
    }

    /** Loads the keys at start (creating the first), then picks up other instances' keys and adds successors. */
    @Bean(destroyMethod = "close")
    PeriodicJob signingKeyRefreshJob(KeyRotationService rotation, ServiceSettings settings) {
        return PeriodicJob.started("Signing key refresh", settings.tokens().keyRefresh(), rotation::rotateWhenDue);
    }

    @Bean
    IssueTokenService issueTokenService(GetSessionService getSession, SigningKeyRing ring, RandomTokenGenerator ids,
                                        AuthApiSettings api, ServiceSettings settings, AdminPolicy admins) {
        String origin = api.publicBaseUrl().getScheme() + "://" + api.publicBaseUrl().getRawAuthority();
        String issuer = settings.tokens().issuer().orElse(origin);
        return new IssueTokenService(getSession, ring, ids, new TokenPolicy(issuer,
                settings.tokens().audience().orElse(issuer), settings.tokens().lifetime(), settings.tokens().reuse()),
                admins);
    }

    @Bean
    AdminPolicy adminPolicy(ServiceSettings settings) {
        return new AdminPolicy(settings.adminEmails());
    }

    @Bean
    Administrators administrators(PersistenceAdapters persistence, AdminPolicy admins) {
        return new Administrators(persistence.users(), admins);
    }

    @Bean
    AdministrationService administrationService(PersistenceAdapters persistence, AuditTrail auditTrail,
                                                Administrators administrators, AdminPolicy admins,
                                                SecurityEvents events, Clock clock) {
        return new AdministrationService(persistence.users(), administrators, persistence.userAdministration(),
                persistence.sessions(), auditTrail, persistence.transactions(), admins, events, clock);
    }

    @Bean
    HealthService healthService(PersistenceAdapters persistence) {
        return new HealthService(persistence.probe());
    }
}
