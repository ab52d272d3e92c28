package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.web.oauth.OAuthPages;
import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.oauth.AuthorizeService;
import dev.momentum.auth.application.oauth.ClientAuthenticator;
import dev.momentum.auth.application.oauth.ClientRegistrationService;
import dev.momentum.auth.application.oauth.ConsentsService;
import dev.momentum.auth.application.oauth.DocumentClients;
import dev.momentum.auth.application.oauth.EndSessionService;
import dev.momentum.auth.application.oauth.OAuthAdministrationService;
import dev.momentum.auth.application.oauth.ResourceServers;
import dev.momentum.auth.application.oauth.TokenService;
import dev.momentum.auth.application.oauth.UserInfoService;
import dev.momentum.auth.application.oauth.port.out.ClientAssertions;
import dev.momentum.auth.application.oauth.port.out.ClientDocuments;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.SignOutService;
import dev.momentum.auth.application.signing.SigningKeyRing;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.user.Administrators;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OAuth 2.1 and OpenID Connect authorization server (ADR-0051). */
@Configuration(proxyBeanMethods = false)
class OAuthWiring {

    @Bean
    OAuthPages oauthPages(ServiceSettings settings) {
        return settings.web().oauthPages();
    }

    @Bean
    ResourceServers resourceServers(Stores stores, ServiceSettings settings) {
        return new ResourceServers(settings.oauth(), stores.oauthResources());
    }

    @Bean
    AuthorizeService authorizeService(Stores stores, ClientDocuments documents, ClientRegistrationService registration,
                                      ResourceServers resourceServers, GetSessionService sessions,
                                      SecureTokenGenerator random, ServiceSettings settings, SecurityEvents events,
                                      Clock clock) {
        return new AuthorizeService(new DocumentClients(stores.oauthClients(), documents, registration,
                settings.oauth(), events, clock), resourceServers, stores.oauthGrants(), stores.oauthConsents(),
                sessions, random, settings.oauth(), events, clock);
    }

    @Bean
    TokenService tokenService(Stores stores, ClientDocuments documents, ClientAssertions assertions,
                              ResourceServers resourceServers, SigningKeyRing keys, SecureTokenGenerator random,
                              ServiceSettings settings, SecurityEvents events, Clock clock) {
        return new TokenService(new ClientAuthenticator(stores.oauthClients(), documents, assertions,
                stores.spentAssertions(), settings.oauth(), clock), resourceServers, stores.oauthGrants(),
                stores.userLookup(), keys, random, settings.oauth(), events, clock);
    }

    @Bean
    ClientRegistrationService clientRegistrationService(Stores stores, SecureTokenGenerator random,
                                                        ServiceSettings settings, SecurityEvents events, Clock clock) {
        return new ClientRegistrationService(stores.oauthClients(), random, settings.oauth(), events, clock);
    }

    @Bean
    OAuthAdministrationService oauthAdministrationService(Administrators administrators, Stores stores,
                                                          ClientRegistrationService registration,
                                                          ResourceServers resourceServers, SecureTokenGenerator random,
                                                          SecurityEvents events, Clock clock) {
        return new OAuthAdministrationService(administrators, stores.oauthClients(), stores.oauthGrants(), registration,
                resourceServers, stores.oauthResources(), random, events, clock);
    }

    @Bean
    ConsentsService consentsService(GetSessionService sessions, Stores stores, SecurityEvents events, Clock clock) {
        return new ConsentsService(sessions, stores.oauthConsents(), stores.oauthClients(), stores.oauthGrants(), events,
                clock);
    }

    @Bean
    EndSessionService endSessionService(Stores stores, GetSessionService sessions, SignOutService signOut) {
        return new EndSessionService(stores.oauthClients(), sessions, signOut);
    }

    @Bean
    UserInfoService userInfoService(Stores stores) {
        return new UserInfoService(stores.userLookup());
    }
}
