package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.session.CachedSessions;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.ListSessionsService;
import dev.momentum.auth.application.session.RevokeSessionsService;
import dev.momentum.auth.application.session.SessionIssuer;
import dev.momentum.auth.application.session.SessionReplacement;
import dev.momentum.auth.application.session.SignOutService;
import dev.momentum.auth.application.session.port.out.SessionRepository;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
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
    SessionIssuer sessionIssuer(Stores stores, SecureTokenGenerator tokens, AuthPolicy policy,
                                Clock clock) {
        return new SessionIssuer(stores.sessions(), tokens, policy.sessionLifetime(), clock);
    }

    /**
     * The sessions get-session looks up: held in memory until the database announces that the user
     * or session changed, at most SESSION_CACHE_TTL (ADR-0036, ADR-0042); with 0s, or on the embedded
     * database, which announces nothing, read from the database every time.
     */
    @Bean
    CachedSessions sessionCache(Stores stores, ServiceSettings settings, Clock clock) {
        return settings.sessionCacheTtl().isZero() || !stores.userChanges().announcesChanges() ? null
                : new CachedSessions(stores.sessions(), stores.userChanges(), settings.sessionCacheTtl(),
                        SESSION_CACHE_CAPACITY, clock);
    }

    @Bean
    SessionRepository sessionLookups(Stores stores, ObjectProvider<CachedSessions> cache) {
        CachedSessions cached = cache.getIfAvailable();
        return cached != null ? cached : stores.sessions();
    }

    @Bean
    GetSessionService getSessionService(SessionRepository sessionLookups, AuthPolicy policy, ServiceSettings settings,
                                        Clock clock) {
        return new GetSessionService(sessionLookups, policy.sessionLifetime(), settings.secondFactorRequirement(),
                clock);
    }

    @Bean
    ListSessionsService listSessionsService(GetSessionService getSession, Stores stores,
                                            AuthPolicy policy, Clock clock) {
        return new ListSessionsService(getSession, stores.sessions(), policy.sessionLifetime(), clock);
    }

    @Bean
    RevokeSessionsService revokeSessionsService(GetSessionService getSession, Stores stores, SecurityEvents events) {
        return new RevokeSessionsService(getSession, stores.sessions(), events);
    }

    @Bean
    SessionReplacement sessionReplacement(SessionIssuer sessionIssuer, SignOutService signOut, Stores stores) {
        return new SessionReplacement(sessionIssuer, signOut, stores.transactions(), stores.userLookup());
    }

    @Bean
    SignOutService signOutService(Stores stores, SecurityEvents events) {
        return new SignOutService(stores.sessions(), events);
    }
}
