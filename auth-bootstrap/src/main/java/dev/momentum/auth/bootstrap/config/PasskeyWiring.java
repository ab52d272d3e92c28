package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.application.audit.SecurityEvents;
import dev.momentum.auth.application.passkey.PasskeyService;
import dev.momentum.auth.application.passkey.PasskeySettings;
import dev.momentum.auth.application.passkey.port.out.WebAuthnCeremonies;
import dev.momentum.auth.application.session.GetSessionService;
import dev.momentum.auth.application.session.SessionReplacement;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Passkeys: registration, sign-in and the user's list (ADR-0050). */
@Configuration(proxyBeanMethods = false)
class PasskeyWiring {

    @Bean
    PasskeyService passkeyService(GetSessionService getSession, Stores stores, WebAuthnCeremonies ceremonies,
                                  SessionReplacement replacement, SecureTokenGenerator random, PasskeySettings settings,
                                  AuthPolicy policy, SecurityEvents events, Clock clock) {
        return new PasskeyService(getSession, stores.passkeys(), stores.passkeyChallenges(), ceremonies,
                stores.userLookup(), replacement, random, settings, policy.sessionLifetime(), events, clock);
    }
}
