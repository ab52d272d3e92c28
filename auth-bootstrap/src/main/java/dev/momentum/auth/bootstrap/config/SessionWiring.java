package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.crypto.RandomTokenGenerator;
import dev.momentum.auth.adapter.persistence.PersistenceAdapters;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.session.CachedSessions;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.ListSessionsService;
import dev.momentum.auth.application.session.RevokeSessionsService;
import dev.momentum.auth.application.session.SessionIssuer;
import dev.momentum.auth.application.session.SignOutService;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.AuthPolicy;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Sessions: issuing, looking up (through the cache when the database announces changes), listing and ending them. */
@Configuration(proxyBeanMethods = false)
class SessionWiring {

    /** About 1 KiB a session: the sessions of this many users at once are served from memory. */
    private static final int SESSION_CACHE_CAPACITY = 10_000;

    @Bean
    SessionIssuer sessionIssuer(PersistenceAdapters persistence, RandomTokenGenerator tokens, AuthPolicy policy,
                                Clock clock) {
        return new SessionIssuer(persistence.sessions(), tokens, policy.sessionLifetime(), clock);
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
    SignOutService signOutService(PersistenceAdapters persistence, SecurityEvents events) {
        return new SignOutService(persistence.sessions(), events);
    }
}
