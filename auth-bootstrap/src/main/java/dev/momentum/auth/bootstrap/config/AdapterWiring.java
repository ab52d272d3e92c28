package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.crypto.AesGcmSecretSealer;
import dev.momentum.auth.adapter.crypto.Argon2Parameters;
import dev.momentum.auth.adapter.crypto.Argon2idPasswordHasher;
import dev.momentum.auth.adapter.crypto.NimbusTokenSigning;
import dev.momentum.auth.adapter.crypto.RandomTokenGenerator;
import dev.momentum.auth.adapter.persistence.Database;
import dev.momentum.auth.adapter.persistence.PersistenceAdapters;
import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.WebAdapterConfiguration;
import dev.momentum.auth.application.mail.port.out.AccountMailer;
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
    RandomTokenGenerator secureTokenGenerator() {
        return new RandomTokenGenerator();
    }

    /** One hashing thread per core; a queue of 64 per thread absorbs bursts, beyond that sign-ins get 503. */
    @Bean(destroyMethod = "close")
    Argon2idPasswordHasher passwordHasher() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new Argon2idPasswordHasher(Argon2Parameters.OWASP, cores, 64 * cores);
    }

    @Bean
    PersistenceAdapters persistenceAdapters(MigratedDatabase database, RandomTokenGenerator ids, AuthApiSettings api) {
        return new PersistenceAdapters(database.await(), ids, Database.PoolSettings.DEFAULT.queryTimeout(),
                new AesGcmSecretSealer(api.secret(), api.previousSecrets(), "auth-service mail outbox v1"));
    }

    @Bean
    AccountMailer accountMailer(ServiceSettings settings) {
        LOG.info("Mail goes through {}", settings.mail().provider().name().toLowerCase(java.util.Locale.ROOT));
        return settings.mail().mailer();
    }

    @Bean
    NimbusTokenSigning tokenSigning(AuthApiSettings api) {
        return new NimbusTokenSigning(new AesGcmSecretSealer(api.secret(), api.previousSecrets(),
                NimbusTokenSigning.SEALING_PURPOSE));
    }

    @Bean
    AuthApiSettings authApiSettings(ServiceSettings settings) {
        String secret = settings.secret().orElseGet(() -> DevelopmentSecret.in(settings.dataDirectory()));
        return new AuthApiSettings(settings.publicBaseUrl(), settings.trustedOrigins(), secret,
                settings.trustedProxies(), settings.previousSecrets());
    }
}
