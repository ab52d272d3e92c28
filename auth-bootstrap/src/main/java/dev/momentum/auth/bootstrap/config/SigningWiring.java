package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.signing.IssueTokenService;
import dev.momentum.auth.application.signing.KeyRotationService;
import dev.momentum.auth.application.signing.SigningKeyRing;
import dev.momentum.auth.application.signing.TokenPolicy;
import dev.momentum.auth.application.signing.port.out.TokenSigning;
import dev.momentum.auth.application.support.PeriodicJob;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.Administrators;
import dev.momentum.auth.domain.signing.KeyRotation;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signing keys, their rotation, and the JWTs for backends. */
@Configuration(proxyBeanMethods = false)
class SigningWiring {

    @Bean
    SigningKeyRing signingKeyRing(Stores stores, TokenSigning signing, SecureTokenGenerator ids,
                                  ServiceSettings settings, SecurityEvents events, Clock clock) {
        var tokens = settings.tokens();
        Duration longestLived = tokens.lifetime().compareTo(settings.oauth().longestTokenLifetime()) >= 0
                ? tokens.lifetime() : settings.oauth().longestTokenLifetime();
        var rotation = new KeyRotation(tokens.rotationPeriod(), tokens.publishLead(), longestLived,
                tokens.publishLead());
        return new SigningKeyRing(stores.signingKeys(), signing, ids, rotation, tokens.algorithm(), clock, events);
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
    IssueTokenService issueTokenService(GetSessionService getSession, SigningKeyRing ring, SecureTokenGenerator ids,
                                        ServiceSettings settings, AdminPolicy admins) {
        String issuer = settings.issuer();
        return new IssueTokenService(getSession, ring, ids, new TokenPolicy(issuer,
                settings.tokens().audience().orElse(issuer), settings.tokens().lifetime(), settings.tokens().reuse()),
                admins);
    }
}
