package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.crypto.AesGcmSecretSealer;
import dev.momentum.auth.adapter.crypto.Argon2Parameters;
import dev.momentum.auth.adapter.crypto.Argon2idPasswordHasher;
import dev.momentum.auth.adapter.crypto.CommonPasswords;
import dev.momentum.auth.adapter.crypto.HmacTotpCodes;
import dev.momentum.auth.adapter.crypto.JsonBackupCodesFormat;
import dev.momentum.auth.adapter.crypto.NimbusClientAssertions;
import dev.momentum.auth.adapter.crypto.NimbusTokenSigning;
import dev.momentum.auth.adapter.crypto.RandomTokenGenerator;
import dev.momentum.auth.adapter.crypto.WebAuthn4jCeremonies;
import dev.momentum.auth.adapter.persistence.Database;
import dev.momentum.auth.adapter.persistence.PersistenceAdapters;
import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.WebAdapterConfiguration;
import dev.momentum.auth.adapter.web.oauth.ClientDocumentFetcher;
import dev.momentum.auth.adapter.web.security.TrustedOrigins;
import dev.momentum.auth.application.credential.port.out.PasswordHasher;
import dev.momentum.auth.application.mail.port.out.AccountMailer;
import dev.momentum.auth.application.oauth.port.out.ClientAssertions;
import dev.momentum.auth.application.oauth.port.out.ClientDocuments;
import dev.momentum.auth.application.passkey.PasskeySettings;
import dev.momentum.auth.application.passkey.port.out.WebAuthnCeremonies;
import dev.momentum.auth.application.signing.port.out.TokenSigning;
import dev.momentum.auth.application.support.AuthPolicy;
import dev.momentum.auth.application.support.port.out.SecureTokenGenerator;
import dev.momentum.auth.application.twofactor.FactorSecrets;
import dev.momentum.auth.application.twofactor.port.out.TotpCodes;
import dev.momentum.auth.bootstrap.migration.BetterAuthImport;
import dev.momentum.auth.domain.credential.PasswordPolicy;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Chooses and builds the adapters the settings ask for. */
@Configuration(proxyBeanMethods = false)
@Import(WebAdapterConfiguration.class)
class AdapterWiring {

    private static final Logger LOG = LoggerFactory.getLogger(AdapterWiring.class);

    @Bean
    SecureTokenGenerator secureTokenGenerator() {
        return new RandomTokenGenerator();
    }

    /** One hashing thread per core; a queue of 64 per thread absorbs bursts, beyond that sign-ins get 503. */
    @Bean(destroyMethod = "close")
    PasswordHasher passwordHasher() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Argon2idPasswordHasher(Argon2Parameters.OWASP, cores, 64 * cores);
    }

    /** The default lengths, refusing the common passwords the crypto adapter ships. */
    @Bean
    PasswordPolicy passwordPolicy() {
        Set<String> common = CommonPasswords.read();
        return AuthPolicy.defaults().passwordPolicy().refusing(common::contains);
    }

    @Bean
    PersistenceAdapters persistenceAdapters(MigratedDatabase database, SecureTokenGenerator ids, AuthApiSettings api) {
        return new PersistenceAdapters(database.await(), ids, Database.PoolSettings.DEFAULT.queryTimeout(),
                new AesGcmSecretSealer(api.secret(), api.previousSecrets(), "auth-service mail outbox v1"));
    }

    @Bean
    Stores stores(PersistenceAdapters persistence) {
        var users = persistence.users();
        return new Stores(users, users, users, users, users, persistence.sessions(), persistence.verificationTokens(),
                persistence.mailOutbox(), persistence.auditTrail(), persistence.staleRecords(), persistence.signingKeys(),
                persistence.rateLimits(), persistence.userAdministration(), persistence.userChanges(),
                persistence.operationalCounts(), persistence.probe(), persistence.transactions(),
                persistence.secondFactors(), persistence.signInChallenges(), persistence.passkeys(),
                persistence.passkeyChallenges(), persistence.oauthClients(), persistence.oauthGrants(),
                persistence.oauthConsents(), persistence.spentAssertions(), persistence.oauthResources());
    }

    @Bean
    AccountMailer accountMailer(ServiceSettings settings) {
        LOG.info("Mail goes through {}", settings.mail().provider().name().toLowerCase(java.util.Locale.ROOT));
        return settings.mail().mailer();
    }

    @Bean
    TokenSigning tokenSigning(AuthApiSettings api) {
        return new NimbusTokenSigning(new AesGcmSecretSealer(api.secret(), api.previousSecrets(),
                NimbusTokenSigning.SEALING_PURPOSE));
    }

    /**
     * Factor secrets enrolled here are sealed as the import seals those it brings from better-auth,
     * so both open alike (ADR-0047).
     */
    @Bean
    FactorSecrets factorSecrets(AuthApiSettings api) {
        return new FactorSecrets(new AesGcmSecretSealer(api.secret(), api.previousSecrets(),
                BetterAuthImport.SEALING_PURPOSE), new JsonBackupCodesFormat());
    }

    @Bean
    ClientDocuments clientDocuments(ServiceSettings settings) {
        return new ClientDocumentFetcher(settings.web().fetchAllowedNetworks());
    }

    @Bean
    ClientAssertions clientAssertions() {
        return new NimbusClientAssertions();
    }

    @Bean
    TotpCodes totpCodes() {
        return new HmacTotpCodes();
    }

    @Bean
    WebAuthnCeremonies webAuthnCeremonies() {
        return new WebAuthn4jCeremonies();
    }

    /** The trusted origins (the base URL's and {@code FRONTEND_URL}) unless PASSKEY_ORIGINS names others. */
    @Bean
    PasskeySettings passkeySettings(ServiceSettings settings, TrustedOrigins trustedOrigins) {
        return new PasskeySettings(settings.passkeyRpId().orElse(settings.web().publicBaseUrl().getHost()),
                settings.appName(), Set.copyOf(settings.passkeyOrigins().isEmpty() ? trustedOrigins.all()
                        : settings.passkeyOrigins()));
    }

    @Bean
    AuthApiSettings authApiSettings(ServiceSettings settings) {
        String secret = settings.secrets().current().orElseGet(() -> DevelopmentSecret.in(settings.dataDirectory()));
        return new AuthApiSettings(settings.web().publicBaseUrl(), settings.web().trustedOrigins(), secret,
                settings.web().trustedProxies(), settings.secrets().previous());
    }
}
