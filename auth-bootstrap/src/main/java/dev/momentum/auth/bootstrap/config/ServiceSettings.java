package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.crypto.SecretSettings;
import dev.momentum.auth.adapter.mail.MailSettings;
import dev.momentum.auth.adapter.persistence.DatabaseSettings;
import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.WebSettings;
import dev.momentum.auth.application.account.AccountChanges;
import dev.momentum.auth.application.mail.MailDeliveryPolicy;
import dev.momentum.auth.application.oauth.OAuthSettings;
import dev.momentum.auth.application.signing.TokenSettings;
import dev.momentum.auth.application.support.SettingsReader;
import dev.momentum.auth.application.throttle.RateLimitPolicy;
import dev.momentum.auth.application.user.AdminPolicy;
import dev.momentum.auth.application.user.SecondFactorRequirement;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The deployer's configuration, read from environment variables named as the service we replace
 * named them. {@link #from} checks everything at once and reports every problem in one line.
 *
 * @param appName what authenticator apps show a code of ours under, unless the client names an
 *                issuer (better-auth's {@code appName}, whose default it keeps), and the passkeys' relying party
 * @param passkeyRpId    the domain passkeys belong to; empty: the host of the public base URL, as better-auth's
 * @param passkeyOrigins the pages that may use passkeys; empty: the trusted origins
 * @param oauth          the authorization server's settings (ADR-0051)
 * @param shutdownDelay  after SIGTERM, how long {@code /readyz} answers 503 while requests are still
 *                       served, so load balancers stop sending before the server stops accepting (ADR-0058)
 */
public record ServiceSettings(boolean production, int port, DatabaseSettings database, Path dataDirectory,
                              SecretSettings secrets, WebSettings web, MailSettings mail,
                              boolean revokeSessionsOnPasswordReset, AccountChanges accountChanges,
                              MailDeliveryPolicy mailDelivery, Duration mailPollInterval,
                              Duration housekeepingInterval, Duration mailRetention, Duration auditRetention,
                              TokenSettings tokens, RateLimitPolicy rateLimits, Optional<Integer> managementPort,
                              boolean jsonLogs, AdminPolicy admins, Duration sessionCacheTtl, String appName,
                              SecondFactorRequirement secondFactorRequirement, Optional<String> passkeyRpId,
                              List<String> passkeyOrigins, OAuthSettings oauth, Duration shutdownDelay) {

    public boolean usesEmbeddedDatabase() {
        return database.embedded();
    }

    public static ServiceSettings from(Function<String, String> environment) {
        var env = new SettingsReader(environment);
        boolean production = "production".equalsIgnoreCase(env.text("APP_ENV").orElse(""));
        int port = env.integer("PORT", 3002);
        Optional<Integer> managementPort = env.text("MANAGEMENT_PORT")
                .map(value -> env.integer("MANAGEMENT_PORT", port));
        String logFormat = env.text("LOG_FORMAT").orElse(production ? "json" : "text").toLowerCase(Locale.ROOT);
        if (!logFormat.equals("json") && !logFormat.equals("text")) {
            env.problem("LOG_FORMAT must be json or text, not '" + logFormat + "'");
        }
        AdminPolicy admins = AdminPolicy.read(env);
        WebSettings web = WebSettings.read(env, port);
        TokenSettings tokens = TokenSettings.read(env);
        String issuer = tokens.issuer().orElse(originOf(web.publicBaseUrl()));
        var settings = new ServiceSettings(production, port, DatabaseSettings.read(env, production),
                Path.of(env.text("AUTH_DATA_DIR").orElse("data")), SecretSettings.read(env, production),
                web, MailSettings.read(env, production),
                env.flag("REVOKE_SESSIONS_ON_PASSWORD_RESET", true), AccountChanges.read(env),
                MailDeliveryPolicy.read(env), env.duration("MAIL_POLL_INTERVAL", Duration.ofSeconds(2)),
                env.duration("HOUSEKEEPING_INTERVAL", Duration.ofHours(1)),
                env.duration("MAIL_RETENTION", Duration.ofDays(7)), env.duration("AUDIT_RETENTION", Duration.ofDays(365)),
                tokens, RateLimitPolicy.read(env), managementPort, logFormat.equals("json"),
                admins, env.durationOrZero("SESSION_CACHE_TTL", Duration.ofSeconds(30)),
                env.text("AUTH_APP_NAME").orElse("Better Auth"), SecondFactorRequirement.read(env, admins),
                env.text("PASSKEY_RP_ID"), env.list("PASSKEY_ORIGINS"), OAuthSettings.read(env, production, issuer,
                        web.publicBaseUrl() + AuthApiSettings.BASE_PATH + "/oauth2"),
                env.durationOrZero("SHUTDOWN_DELAY", Duration.ZERO));
        if (!env.problems().isEmpty()) {
            throw new InvalidConfigurationException(String.join("; ", env.problems()));
        }
        return settings;
    }

    /** The JWTs' issuer: {@code JWT_ISSUER}, or the public base URL's origin. */
    public String issuer() {
        return oauth.issuer();
    }

    private static String originOf(URI url) {
        return url.getScheme() + "://" + url.getRawAuthority();
    }

    @Override
    public String toString() {
        return "ServiceSettings[production=" + production + ", port=" + port + ", database="
                + database + ", publicBaseUrl=" + web.publicBaseUrl()
                + ", trustedOrigins=" + web.trustedOrigins() + ", mail=" + mail.provider() + "]";
    }

    public static final class InvalidConfigurationException extends RuntimeException {
        public InvalidConfigurationException(String message) {
            super(message, null, false, false);
        }
    }
}
