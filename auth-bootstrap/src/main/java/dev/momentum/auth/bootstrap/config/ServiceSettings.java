package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.mail.MailSettings;
import dev.momentum.auth.adapter.persistence.DatabaseSettings;
import dev.momentum.auth.adapter.web.security.ClientAddresses;
import dev.momentum.auth.application.account.AccountChanges;
import dev.momentum.auth.application.mail.MailDeliveryPolicy;
import dev.momentum.auth.application.signing.TokenSettings;
import dev.momentum.auth.application.support.SettingsReader;
import dev.momentum.auth.application.throttle.RateLimitPolicy;
import dev.momentum.auth.domain.user.EmailAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The deployer's configuration, read from environment variables named as the service we replace
 * named them. {@link #from} checks everything at once and reports every problem in one line.
 */
public record ServiceSettings(boolean production, int port, DatabaseSettings database, Path dataDirectory,
                              Optional<String> secret, URI publicBaseUrl, List<String> trustedOrigins,
                              MailSettings mail, boolean revokeSessionsOnPasswordReset,
                              AccountChanges accountChanges, MailDeliveryPolicy mailDelivery,
                              Duration mailPollInterval, Duration housekeepingInterval, Duration mailRetention, Duration auditRetention,
                              TokenSettings tokens, RateLimitPolicy rateLimits, List<String> trustedProxies,
                              List<String> previousSecrets, Optional<Integer> managementPort, boolean jsonLogs,
                              Set<EmailAddress> adminEmails, Duration sessionCacheTtl) {

    public static final int MIN_SECRET_LENGTH = 32;

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

        DatabaseSettings database = DatabaseSettings.read(env, production);

        Optional<String> secret = env.text("AUTH_SECRET").or(() -> env.text("BETTER_AUTH_SECRET"));
        if (secret.isPresent() && secret.get().length() < MIN_SECRET_LENGTH) {
            env.problem("AUTH_SECRET must be at least " + MIN_SECRET_LENGTH + " characters (openssl rand -base64 32)");
        } else if (secret.isPresent() && production && isWeak(secret.get())) {
            env.problem("AUTH_SECRET is a placeholder or repeats one character; use a random value (openssl rand -base64 32)");
        } else if (secret.isEmpty() && production) {
            env.problem("AUTH_SECRET is required in production (at least " + MIN_SECRET_LENGTH + " random characters)");
        }

        // rotation: cookies and sealed keys made with these still verify and open (ADR-0025)
        List<String> previousSecrets = env.list("AUTH_SECRET_PREVIOUS");
        if (previousSecrets.stream().anyMatch(previous -> previous.length() < MIN_SECRET_LENGTH)) {
            env.problem("each of AUTH_SECRET_PREVIOUS must be at least " + MIN_SECRET_LENGTH + " characters");
        }

        URI publicBaseUrl = env.text("AUTH_BASE_URL").or(() -> env.text("BETTER_AUTH_URL"))
                .map(url -> url.replaceAll("/+$", ""))
                .map(url -> uri("AUTH_BASE_URL", url, env))
                .orElse(URI.create("http://localhost:" + port));
        List<String> trustedOrigins = env.list("FRONTEND_URL");

        MailSettings mail = MailSettings.read(env, production);

        var accountChanges = AccountChanges.read(env);
        var mailDelivery = MailDeliveryPolicy.read(env);
        Duration mailPollInterval = env.duration("MAIL_POLL_INTERVAL", Duration.ofSeconds(2));
        Duration housekeepingInterval = env.duration("HOUSEKEEPING_INTERVAL", Duration.ofHours(1));
        Duration mailRetention = env.duration("MAIL_RETENTION", Duration.ofDays(7));
        Duration auditRetention = env.duration("AUDIT_RETENTION", Duration.ofDays(365));
        var tokens = TokenSettings.read(env);
        var rateLimits = RateLimitPolicy.read(env);
        Duration sessionCacheTtl = env.durationOrZero("SESSION_CACHE_TTL", Duration.ofSeconds(30));
        List<String> trustedProxies = env.list("TRUSTED_PROXIES");
        Set<EmailAddress> adminEmails = new LinkedHashSet<>();
        for (String address : env.list("ADMIN_EMAILS")) {
            EmailAddress.parse(address).ifPresentOrElse(adminEmails::add,
                    () -> env.problem("ADMIN_EMAILS holds '" + address + "', which is not an email address"));
        }
        try {
            new ClientAddresses(trustedProxies);
        } catch (IllegalArgumentException e) {
            env.problem("TRUSTED_PROXIES: " + e.getMessage());
        }

        if (!env.problems().isEmpty()) {
            throw new InvalidConfigurationException(String.join("; ", env.problems()));
        }
        return new ServiceSettings(production, port, database,
                Path.of(env.text("AUTH_DATA_DIR").orElse("data")), secret, publicBaseUrl, trustedOrigins, mail,
                env.flag("REVOKE_SESSIONS_ON_PASSWORD_RESET", true), accountChanges, mailDelivery, mailPollInterval,
                housekeepingInterval, mailRetention, auditRetention, tokens, rateLimits, trustedProxies, previousSecrets, managementPort,
                logFormat.equals("json"), Set.copyOf(adminEmails), sessionCacheTtl);
    }

    private static boolean isWeak(String secret) {
        String lower = secret.toLowerCase(Locale.ROOT);
        return secret.chars().distinct().count() < 8 || lower.contains("change") || lower.contains("secret")
                || lower.contains("example") || lower.contains("placeholder");
    }

    private static URI uri(String name, String value, SettingsReader env) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        env.problem(name + " must be an absolute URL such as https://auth.example.com");
        return URI.create("http://localhost");
    }

    @Override
    public String toString() {
        return "ServiceSettings[production=" + production + ", port=" + port + ", database="
                + database + ", publicBaseUrl=" + publicBaseUrl
                + ", trustedOrigins=" + trustedOrigins + ", mail=" + mail.provider() + "]";
    }

    public static final class InvalidConfigurationException extends RuntimeException {
        public InvalidConfigurationException(String message) {
            super(message, null, false, false);
        }
    }
}
