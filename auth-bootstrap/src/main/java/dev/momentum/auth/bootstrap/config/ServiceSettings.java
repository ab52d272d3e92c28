package dev.momentum.auth.bootstrap.config;

import dev.momentum.auth.adapter.persistence.DatabaseUrl;
import dev.momentum.auth.adapter.web.security.ClientAddresses;
import dev.momentum.auth.application.account.AccountChanges;
import dev.momentum.auth.application.mail.MailDeliveryPolicy;
import dev.momentum.auth.application.throttle.RateLimitPolicy.PathRule;
import dev.momentum.auth.application.throttle.RateLimitPolicy;
import dev.momentum.auth.domain.signing.SigningAlgorithm;
import dev.momentum.auth.domain.throttle.RateLimit;
import dev.momentum.auth.domain.user.EmailAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.boot.convert.DurationStyle;

/**
 * The deployer's configuration, read from environment variables named as the service we replace
 * named them. {@link #from} checks everything at once and reports every problem in one line.
 */
public record ServiceSettings(boolean production, int port, Optional<DatabaseUrl> databaseUrl, Path dataDirectory,
                              Optional<String> secret, URI publicBaseUrl, List<String> trustedOrigins,
                              String emailFrom, MailProvider mailProvider, Optional<Smtp> smtp,
                              Optional<String> resendApiKey, URI resendBaseUrl, Optional<Path> mailTemplateDirectory,
                              Duration databaseWait, boolean skipMigrations, boolean revokeSessionsOnPasswordReset,
                              AccountChanges accountChanges, MailDeliveryPolicy mailDelivery,
                              Duration mailPollInterval, Duration housekeepingInterval, Duration mailRetention, Duration auditRetention,
                              Tokens tokens, RateLimitPolicy rateLimits, List<String> trustedProxies,
                              List<String> previousSecrets, Optional<Integer> managementPort, boolean jsonLogs,
                              Set<EmailAddress> adminEmails, Duration sessionCacheTtl) {

    public static final int MIN_SECRET_LENGTH = 32;

    public enum MailProvider { LOG, SMTP, RESEND }

    public record Smtp(String host, int port, Optional<String> username, Optional<String> password, boolean secure) {
    }

    /**
     * The JWTs for backends.
     *
     * @param issuer empty: the public base URL's origin
     * @param audience empty: the issuer
     * @param publishLead how long a new key is published before it signs: longer than any verifier caches the key set
     */
    public record Tokens(SigningAlgorithm algorithm, Optional<String> issuer, Optional<String> audience,
                         Duration lifetime, Duration reuse, Duration rotationPeriod, Duration publishLead,
                         Duration keyRefresh) {
    }

    public boolean usesEmbeddedDatabase() {
        return databaseUrl.isEmpty();
    }

    public static ServiceSettings from(Function<String, String> environment) {
        Env env = new Env(environment);
        List<String> problems = new ArrayList<>();
        boolean production = "production".equalsIgnoreCase(env.get("APP_ENV").orElse(""));
        int port = env.integer("PORT", 3002, problems);
        Optional<Integer> managementPort = env.get("MANAGEMENT_PORT")
                .map(value -> env.integer("MANAGEMENT_PORT", port, problems));
        String logFormat = env.get("LOG_FORMAT").orElse(production ? "json" : "text").toLowerCase(Locale.ROOT);
        if (!logFormat.equals("json") && !logFormat.equals("text")) {
            problems.add("LOG_FORMAT must be json or text, not '" + logFormat + "'");
        }

        Optional<DatabaseUrl> databaseUrl = Optional.empty();
        Optional<String> rawUrl = env.get("DATABASE_URL");
        if (rawUrl.isPresent()) {
            try {
                databaseUrl = Optional.of(DatabaseUrl.parse(rawUrl.get()));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        } else if (production) {
            problems.add("DATABASE_URL is required in production (postgres://user:password@host:5432/database)");
        }

        Optional<String> secret = env.get("AUTH_SECRET").or(() -> env.get("BETTER_AUTH_SECRET"));
        if (secret.isPresent() && secret.get().length() < MIN_SECRET_LENGTH) {
            problems.add("AUTH_SECRET must be at least " + MIN_SECRET_LENGTH + " characters (openssl rand -base64 32)");
        } else if (secret.isPresent() && production && isWeak(secret.get())) {
            problems.add("AUTH_SECRET is a placeholder or repeats one character; use a random value (openssl rand -base64 32)");
        } else if (secret.isEmpty() && production) {
            problems.add("AUTH_SECRET is required in production (at least " + MIN_SECRET_LENGTH + " random characters)");
        }

        // rotation: cookies and sealed keys made with these still verify and open (ADR-0025)
        List<String> previousSecrets = env.list("AUTH_SECRET_PREVIOUS");
        if (previousSecrets.stream().anyMatch(previous -> previous.length() < MIN_SECRET_LENGTH)) {
            problems.add("each of AUTH_SECRET_PREVIOUS must be at least " + MIN_SECRET_LENGTH + " characters");
        }

        URI publicBaseUrl = env.get("AUTH_BASE_URL").or(() -> env.get("BETTER_AUTH_URL"))
                .map(url -> url.replaceAll("/+$", ""))
                .map(url -> uri("AUTH_BASE_URL", url, problems))
                .orElse(URI.create("http://localhost:" + port));
        List<String> trustedOrigins = env.list("FRONTEND_URL");

        Optional<String> resendApiKey = env.get("RESEND_API_KEY");
        MailProvider provider = env.get("MAIL_PROVIDER")
                .map(name -> mailProvider(name, problems))
                .orElse(resendApiKey.isPresent() ? MailProvider.RESEND : MailProvider.LOG);
        Optional<Smtp> smtp = Optional.empty();
        if (provider == MailProvider.SMTP) {
            Optional<String> host = env.get("SMTP_HOST");
            if (host.isEmpty()) {
                problems.add("SMTP_HOST is required when MAIL_PROVIDER=smtp");
            } else {
                boolean secure = Boolean.parseBoolean(env.get("SMTP_SECURE").orElse("false"));
                smtp = Optional.of(new Smtp(host.get(), env.integer("SMTP_PORT", secure ? 465 : 587, problems),
                        env.get("SMTP_USERNAME"), env.get("SMTP_PASSWORD"), secure));
            }
        }
        if (provider == MailProvider.RESEND && resendApiKey.isEmpty()) {
            problems.add("RESEND_API_KEY is required when MAIL_PROVIDER=resend");
        }
        if (provider == MailProvider.LOG && production) {
            problems.add("MAIL_PROVIDER=log prints sign-in links to the log and is refused in production; set RESEND_API_KEY or MAIL_PROVIDER=smtp");
        }

        int databaseWaitSeconds = env.integer("DATABASE_WAIT_SECONDS", 30, problems);

        var accountChanges = new AccountChanges(env.flag("CHANGE_EMAIL_ENABLED", false),
                env.flag("DELETE_USER_ENABLED", false), env.flag("DELETE_USER_CONFIRMATION", false));
        MailDeliveryPolicy defaults = MailDeliveryPolicy.defaults();
        var mailDelivery = new MailDeliveryPolicy(env.duration("MAIL_RETRY_FIRST", defaults.firstRetry(), problems),
                env.duration("MAIL_RETRY_MAX", defaults.longestRetry(), problems),
                env.duration("MAIL_GIVE_UP_AFTER", defaults.giveUpAfter(), problems), defaults.lease(),
                defaults.batchSize(), defaults.concurrency(), defaults.sendTimeout());
        Duration mailPollInterval = env.duration("MAIL_POLL_INTERVAL", Duration.ofSeconds(2), problems);
        Duration housekeepingInterval = env.duration("HOUSEKEEPING_INTERVAL", Duration.ofHours(1), problems);
        Duration mailRetention = env.duration("MAIL_RETENTION", Duration.ofDays(7), problems);
        Duration auditRetention = env.duration("AUDIT_RETENTION", Duration.ofDays(365), problems);
        var tokens = new Tokens(signingAlgorithm(env.get("JWT_ALGORITHM").orElse("ES256"), problems),
                env.get("JWT_ISSUER"), env.get("JWT_AUDIENCE"),
                env.duration("JWT_LIFETIME", Duration.ofMinutes(15), problems),
                env.durationOrZero("JWT_REUSE_WINDOW", Duration.ofSeconds(30), problems),
                env.duration("JWT_KEY_ROTATION", Duration.ofDays(30), problems),
                env.duration("JWT_KEY_PUBLISH_LEAD", Duration.ofMinutes(20), problems),
                env.duration("JWT_KEY_REFRESH", Duration.ofMinutes(1), problems));
        if (tokens.publishLead().compareTo(tokens.rotationPeriod()) >= 0
                || tokens.keyRefresh().compareTo(tokens.publishLead()) >= 0) {
            problems.add("JWT_KEY_REFRESH must be shorter than JWT_KEY_PUBLISH_LEAD, and that shorter than JWT_KEY_ROTATION");
        }
        if (tokens.reuse().compareTo(tokens.lifetime()) >= 0) {
            problems.add("JWT_REUSE_WINDOW must be shorter than JWT_LIFETIME");
        }

        RateLimitPolicy defaultLimits = RateLimitPolicy.defaults();
        var rateLimits = new RateLimitPolicy(env.flag("RATE_LIMIT_ENABLED", true),
                pathRules(env.get("RATE_LIMIT_RULES").orElse(""), defaultLimits.pathRules(), problems),
                env.rateLimit("RATE_LIMIT_DEFAULT", defaultLimits.otherPaths(), problems),
                env.rateLimit("RATE_LIMIT_ACCOUNT_ATTEMPTS", defaultLimits.accountAttempts(), problems),
                env.rateLimit("RATE_LIMIT_ACCOUNT_MAILS", defaultLimits.accountMails(), problems));
        Duration sessionCacheTtl = env.durationOrZero("SESSION_CACHE_TTL", Duration.ofSeconds(30), problems);
        List<String> trustedProxies = env.list("TRUSTED_PROXIES");
        Set<EmailAddress> adminEmails = new LinkedHashSet<>();
        for (String address : env.list("ADMIN_EMAILS")) {
            EmailAddress.parse(address).ifPresentOrElse(adminEmails::add,
                    () -> problems.add("ADMIN_EMAILS holds '" + address + "', which is not an email address"));
        }
        try {
            new ClientAddresses(trustedProxies);
        } catch (IllegalArgumentException e) {
            problems.add("TRUSTED_PROXIES: " + e.getMessage());
        }

        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(String.join("; ", problems));
        }
        return new ServiceSettings(production, port, databaseUrl,
                Path.of(env.get("AUTH_DATA_DIR").orElse("data")), secret, publicBaseUrl, trustedOrigins,
                env.get("EMAIL_FROM").orElse("Auth <noreply@localhost>"), provider, smtp, resendApiKey,
                URI.create(env.get("RESEND_BASE_URL").orElse("https://api.resend.com")),
                env.get("MAIL_TEMPLATE_DIR").map(Path::of),
                Duration.ofSeconds(databaseWaitSeconds), Boolean.parseBoolean(env.get("AUTH_SKIP_MIGRATIONS").orElse("false")),
                env.flag("REVOKE_SESSIONS_ON_PASSWORD_RESET", true), accountChanges, mailDelivery, mailPollInterval,
                housekeepingInterval, mailRetention, auditRetention, tokens, rateLimits, trustedProxies, previousSecrets, managementPort,
                logFormat.equals("json"), Set.copyOf(adminEmails), sessionCacheTtl);
    }

    /** {@code /sign-in*=5/10s;/request-password-reset=1/60s}: replaces the default rule of that path, or comes first. */
    private static List<PathRule> pathRules(String rules, List<PathRule> defaults, List<String> problems) {
        List<PathRule> configured = new ArrayList<>();
        for (String rule : rules.split(";")) {
            if (rule.isBlank()) {
                continue;
            }
            String[] pathAndLimit = rule.split("=", 2);
            Optional<RateLimit> limit = pathAndLimit.length == 2 ? rateLimit(pathAndLimit[1]) : Optional.empty();
            if (limit.isEmpty() || !pathAndLimit[0].strip().startsWith("/")) {
                problems.add("RATE_LIMIT_RULES must read like /sign-in*=3/10s;/request-password-reset=3/60s, not '"
                        + rule.strip() + "'");
                continue;
            }
            configured.add(new PathRule(pathAndLimit[0].strip(), limit.get()));
        }
        List<PathRule> merged = new ArrayList<>(configured);
        defaults.stream()
                .filter(rule -> configured.stream().noneMatch(mine -> mine.pattern().equals(rule.pattern())))
                .forEach(merged::add);
        return merged;
    }

    /** {@code 3/10s}: at most three requests in ten seconds. */
    private static Optional<RateLimit> rateLimit(String text) {
        String[] maxAndWindow = text.strip().split("/", 2);
        try {
            Duration window = DurationStyle.detectAndParse(maxAndWindow[1].strip());
            return Optional.of(new RateLimit(Integer.parseInt(maxAndWindow[0].strip()), window));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private static boolean isWeak(String secret) {
        String lower = secret.toLowerCase(Locale.ROOT);
        return secret.chars().distinct().count() < 8 || lower.contains("change") || lower.contains("secret")
                || lower.contains("example") || lower.contains("placeholder");
    }

    private static SigningAlgorithm signingAlgorithm(String name, List<String> problems) {
        for (SigningAlgorithm algorithm : SigningAlgorithm.values()) {
            if (algorithm.name().equalsIgnoreCase(name.strip())) {
                return algorithm;
            }
        }
        problems.add("JWT_ALGORITHM must be ES256, EdDSA or RS256, not '" + name + "'");
        return SigningAlgorithm.ES256;
    }

    private static MailProvider mailProvider(String name, List<String> problems) {
        try {
            return MailProvider.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("MAIL_PROVIDER must be log, smtp or resend, not '" + name + "'");
            return MailProvider.LOG;
        }
    }

    private static URI uri(String name, String value, List<String> problems) {
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        problems.add(name + " must be an absolute URL such as https://auth.example.com");
        return URI.create("http://localhost");
    }

    @Override
    public String toString() {
        return "ServiceSettings[production=" + production + ", port=" + port + ", database="
                + databaseUrl.map(Object::toString).orElse("embedded") + ", publicBaseUrl=" + publicBaseUrl
                + ", trustedOrigins=" + trustedOrigins + ", mail=" + mailProvider + "]";
    }

    private record Env(Function<String, String> lookup) {

        Optional<String> get(String name) {
            return Optional.ofNullable(lookup.apply(name)).map(String::strip).filter(value -> !value.isEmpty());
        }

        boolean flag(String name, boolean fallback) {
            return get(name).map(value -> fallback ? !"false".equalsIgnoreCase(value) : "true".equalsIgnoreCase(value))
                    .orElse(fallback);
        }

        /** 500ms, 5s, 10m, 23h, 7d or ISO-8601 (PT5S); positive. */
        Duration duration(String name, Duration fallback, List<String> problems) {
            return duration(name, fallback, problems, false);
        }

        /** As {@link #duration}, or zero (0s) for "off". */
        Duration durationOrZero(String name, Duration fallback, List<String> problems) {
            return duration(name, fallback, problems, true);
        }

        private Duration duration(String name, Duration fallback, List<String> problems, boolean zeroAllowed) {
            Optional<String> value = get(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                Duration duration = DurationStyle.detectAndParse(value.get());
                if (!duration.isNegative() && (zeroAllowed || !duration.isZero())) {
                    return duration;
                }
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            problems.add(name + " must be a " + (zeroAllowed ? "" : "positive ")
                    + "duration such as 5s, 10m or 1h, not '" + value.get() + "'");
            return fallback;
        }

        /** A comma-separated list; empty when unset. */
        List<String> list(String name) {
            return get(name).map(list -> Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
                    .orElse(List.of());
        }

        RateLimit rateLimit(String name, RateLimit fallback, List<String> problems) {
            Optional<String> value = get(name);
            if (value.isEmpty()) {
                return fallback;
            }
            Optional<RateLimit> limit = ServiceSettings.rateLimit(value.get());
            if (limit.isEmpty()) {
                problems.add(name + " must read like 3/10s (requests per window), not '" + value.get() + "'");
            }
            return limit.orElse(fallback);
        }

        int integer(String name, int fallback, List<String> problems) {
            Optional<String> value = get(name);
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.get());
            } catch (NumberFormatException e) {
                problems.add(name + " must be a number, not '" + value.get() + "'");
                return fallback;
            }
        }
    }

    public static final class InvalidConfigurationException extends RuntimeException {
        public InvalidConfigurationException(String message) {
            super(message, null, false, false);
        }
    }
}
