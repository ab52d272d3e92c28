package dev.momentum.auth.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.adapter.mail.MailSettings.Provider;
import dev.momentum.auth.application.account.AccountChanges;
import dev.momentum.auth.application.throttle.RateLimitPolicy;
import dev.momentum.auth.application.throttle.RateLimitPolicy.PathRule;
import dev.momentum.auth.bootstrap.config.ServiceSettings.InvalidConfigurationException;
import dev.momentum.auth.domain.throttle.RateLimit;
import dev.momentum.auth.domain.user.EmailAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    private static final String STRONG = "v8Jx2qL0pZrT5mNc7yWb3eHk9sAdFgU1";

    private static ServiceSettings from(Map<String, String> env) {
        return ServiceSettings.from(env::get);
    }

    @Test
    void fromWhenNothingSetThenDevelopmentDefaults() {
        ServiceSettings settings = from(Map.of());

        assertThat(settings.port()).isEqualTo(3002);
        assertThat(settings.usesEmbeddedDatabase()).isTrue();
        assertThat(settings.mail().provider()).isEqualTo(Provider.LOG);
        assertThat(settings.web().publicBaseUrl()).isEqualTo(URI.create("http://localhost:3002"));
        assertThat(settings.production()).isFalse();
        assertThat(settings.managementPort()).isEmpty();
    }

    @Test
    void fromWhenLogFormatUnsetThenJsonInProductionAndTextOtherwiseAndWhenUnknownThenNamed() {
        assertThat(from(Map.of()).jsonLogs()).isFalse();
        assertThat(from(Map.of("LOG_FORMAT", "JSON")).jsonLogs()).isTrue();
        assertThat(from(Map.of("APP_ENV", "production", "DATABASE_URL", "postgres://a:b@db/auth",
                "AUTH_SECRET", STRONG, "RESEND_API_KEY", "re_1")).jsonLogs()).isTrue();
        assertThatThrownBy(() -> from(Map.of("LOG_FORMAT", "xml"))).hasMessageContaining("LOG_FORMAT must be json or text");
    }

    @Test
    void fromWhenManagementPortThenReadAndWhenNotANumberThenNamed() {
        assertThat(from(Map.of("MANAGEMENT_PORT", "9090")).managementPort()).contains(9090);
        assertThatThrownBy(() -> from(Map.of("MANAGEMENT_PORT", "ninety")))
                .hasMessageContaining("MANAGEMENT_PORT must be a number");
    }

    @Test
    void fromWhenPoolSizeAndShutdownDelaySetThenReadAndWhenOutOfRangeThenNamed() {
        assertThat(from(Map.of()).database().pool().maxSize()).isEqualTo(20);
        assertThat(from(Map.of()).shutdownDelay()).isZero();
        var settings = from(Map.of("DATABASE_POOL_SIZE", "8", "SHUTDOWN_DELAY", "5s"));
        assertThat(settings.database().pool().maxSize()).isEqualTo(8);
        assertThat(settings.shutdownDelay()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> from(Map.of("DATABASE_POOL_SIZE", "0")))
                .hasMessageContaining("DATABASE_POOL_SIZE must be between 1 and 500, not 0");
    }

    @Test
    void fromWhenAdminEmailsAndAuditRetentionThenReadAndWhenNotAnAddressThenNamed() {
        var settings = from(Map.of("ADMIN_EMAILS", "Ops@Example.com, boss@example.com", "AUDIT_RETENTION", "30d"));
        assertThat(settings.admins().adminEmails()).extracting(EmailAddress::value)
                .containsExactlyInAnyOrder("ops@example.com", "boss@example.com");
        assertThat(settings.auditRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(from(Map.of()).admins().adminEmails()).isEmpty();
        assertThat(from(Map.of()).auditRetention()).isEqualTo(Duration.ofDays(365));
        assertThatThrownBy(() -> from(Map.of("ADMIN_EMAILS", "ops@example.com,not-an-address")))
                .hasMessageContaining("ADMIN_EMAILS holds 'not-an-address'");
    }

    @Test
    void fromWhenPredecessorVariablesThenReadTheSameWay() {
        ServiceSettings settings = from(Map.of("PORT", "4000",
                "DATABASE_URL", "postgresql://auth:pw@db:5432/auth",
                "BETTER_AUTH_SECRET", STRONG,
                "BETTER_AUTH_URL", "https://auth.example.com/",
                "FRONTEND_URL", "https://app.example.com, http://localhost:3000",
                "RESEND_API_KEY", "re_123"));

        assertThat(settings.port()).isEqualTo(4000);
        assertThat(settings.database().url()).hasValueSatisfying(url -> assertThat(url.host()).isEqualTo("db"));
        assertThat(settings.secrets().current()).contains(STRONG);
        assertThat(settings.web().publicBaseUrl()).isEqualTo(URI.create("https://auth.example.com"));
        assertThat(settings.web().trustedOrigins()).containsExactly("https://app.example.com", "http://localhost:3000");
        assertThat(settings.mail().provider()).isEqualTo(Provider.RESEND);
    }

    @Test
    void fromWhenProductionWithoutDatabaseAndSecretThenOneLineNamesBoth() {
        assertThatThrownBy(() -> from(Map.of("APP_ENV", "production", "RESEND_API_KEY", "re_1")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("DATABASE_URL is required in production")
                .hasMessageContaining("AUTH_SECRET is required in production")
                .hasMessageNotContaining("\n");
    }

    @Test
    void fromWhenProductionWithPlaceholderSecretThenRefused() {
        assertThatThrownBy(() -> from(Map.of("APP_ENV", "production", "DATABASE_URL", "postgres://u:p@db/auth",
                "AUTH_SECRET", "change-me-change-me-change-me-change-me", "RESEND_API_KEY", "re_1")))
                .hasMessageContaining("placeholder");
    }

    @Test
    void fromWhenSecretShortThenRefusedInEveryMode() {
        assertThatThrownBy(() -> from(Map.of("AUTH_SECRET", "short"))).hasMessageContaining("at least 32");
    }

    @Test
    void fromWhenProductionWithLogMailThenRefused() {
        assertThatThrownBy(() -> from(Map.of("APP_ENV", "production", "DATABASE_URL", "postgres://u:p@db/auth",
                "AUTH_SECRET", STRONG))).hasMessageContaining("MAIL_PROVIDER=log");
    }

    @Test
    void fromWhenProductionFullyConfiguredThenAccepted() {
        ServiceSettings settings = from(Map.of("APP_ENV", "production", "DATABASE_URL", "postgres://u:p@db/auth",
                "AUTH_SECRET", STRONG, "MAIL_PROVIDER", "smtp", "SMTP_HOST", "mail", "SMTP_SECURE", "true"));

        assertThat(settings.production()).isTrue();
        assertThat(settings.mail().smtp()).hasValueSatisfying(smtp -> assertThat(smtp.port()).isEqualTo(465));
    }

    @Test
    void fromWhenValuesMalformedThenEachIsNamed() {
        assertThatThrownBy(() -> from(Map.of("PORT", "abc", "DATABASE_URL", "mysql://x/y", "MAIL_PROVIDER", "pigeon")))
                .hasMessageContaining("PORT must be a number")
                .hasMessageContaining("postgres://")
                .hasMessageContaining("MAIL_PROVIDER must be log, smtp or resend");
    }

    @Test
    void toStringWhenPrintedThenNoSecrets() {
        String printed = from(Map.of("DATABASE_URL", "postgres://u:hunter2hunter2@db/auth", "AUTH_SECRET", STRONG,
                "RESEND_API_KEY", "re_secret_key")).toString();

        assertThat(List.of("hunter2", STRONG, "re_secret_key")).noneMatch(printed::contains);
    }

    @Test
    void fromWhenAccountChangesAndMailScheduleUnsetThenOffAndTheDocumentedDefaults() {
        ServiceSettings settings = from(Map.of());

        assertThat(settings.accountChanges()).isEqualTo(new AccountChanges(false, false, false));
        assertThat(settings.mailDelivery().firstRetry()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.mailDelivery().longestRetry()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.mailDelivery().giveUpAfter()).isEqualTo(Duration.ofHours(23));
        assertThat(settings.mailPollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.housekeepingInterval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.mailRetention()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.revokeSessionsOnPasswordReset()).isTrue();
    }

    @Test
    void fromWhenAccountChangesAndMailScheduleSetThenRead() {
        ServiceSettings settings = from(Map.of("CHANGE_EMAIL_ENABLED", "true", "DELETE_USER_ENABLED", "TRUE",
                "DELETE_USER_CONFIRMATION", "true", "MAIL_RETRY_FIRST", "200ms", "MAIL_RETRY_MAX", "PT1M",
                "MAIL_GIVE_UP_AFTER", "12h", "MAIL_POLL_INTERVAL", "500ms", "MAIL_RETENTION", "1d",
                "REVOKE_SESSIONS_ON_PASSWORD_RESET", "false", "MAIL_SEND_TIMEOUT", "5s"));

        assertThat(settings.accountChanges()).isEqualTo(new AccountChanges(true, true, true));
        assertThat(settings.mailDelivery().sendTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.mailDelivery().lease()).as("four attempts").isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.mailDelivery().firstRetry()).isEqualTo(Duration.ofMillis(200));
        assertThat(settings.mailDelivery().longestRetry()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.mailDelivery().giveUpAfter()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.mailPollInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.mailRetention()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.revokeSessionsOnPasswordReset()).isFalse();
    }

    @Test
    void fromWhenDurationsAreNotDurationsThenOneLineNamesEach() {
        assertThatThrownBy(() -> from(Map.of("MAIL_RETRY_FIRST", "soon", "HOUSEKEEPING_INTERVAL", "-5m")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("MAIL_RETRY_FIRST must be a positive duration such as 5s, 10m or 1h, not 'soon'")
                .hasMessageContaining("HOUSEKEEPING_INTERVAL must be a positive duration")
                .hasMessageNotContaining("\n");
    }

    @Test
    void fromWhenJwtReuseWindowSetThenZeroTurnsItOffAndOneAsLongAsTheLifetimeIsRefused() {
        assertThat(from(Map.of()).tokens().reuse()).isEqualTo(Duration.ofSeconds(30));
        assertThat(from(Map.of("JWT_REUSE_WINDOW", "0s")).tokens().reuse()).isZero();
        assertThatThrownBy(() -> from(Map.of("JWT_REUSE_WINDOW", "15m")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("JWT_REUSE_WINDOW must be shorter than JWT_LIFETIME");
        assertThatThrownBy(() -> from(Map.of("JWT_REUSE_WINDOW", "-1s")))
                .hasMessageContaining("JWT_REUSE_WINDOW must be a duration such as 5s");
    }

    @Test
    void fromWhenSessionCacheTtlSetThenReadAndZeroTurnsItOff() {
        assertThat(from(Map.of()).sessionCacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(from(Map.of("SESSION_CACHE_TTL", "5s")).sessionCacheTtl()).isEqualTo(Duration.ofSeconds(5));
        assertThat(from(Map.of("SESSION_CACHE_TTL", "0s")).sessionCacheTtl()).isZero();
        assertThatThrownBy(() -> from(Map.of("SESSION_CACHE_TTL", "forever")))
                .hasMessageContaining("SESSION_CACHE_TTL must be a duration such as 5s");
    }

    @Test
    void fromWhenPreviousSecretsSetThenReadAndShortOnesRefused() {
        assertThat(from(Map.of()).secrets().previous()).isEmpty();
        assertThat(from(Map.of("AUTH_SECRET_PREVIOUS", STRONG + "a, " + STRONG + "b")).secrets().previous())
                .containsExactly(STRONG + "a", STRONG + "b");
        assertThatThrownBy(() -> from(Map.of("AUTH_SECRET_PREVIOUS", "short")))
                .hasMessageContaining("each of AUTH_SECRET_PREVIOUS must be at least 32 characters");
    }

    @Test
    void fromWhenRateLimitsUnsetThenOnWithBetterAuthsRulesInEveryMode() {
        RateLimitPolicy limits = from(Map.of()).rateLimits();

        assertThat(limits).isEqualTo(RateLimitPolicy.defaults());
        assertThat(limits.enabled()).isTrue();
        assertThat(from(Map.of("RATE_LIMIT_ENABLED", "false")).rateLimits().enabled()).isFalse();
        assertThat(from(Map.of()).web().trustedProxies()).isEmpty();
    }

    @Test
    void fromWhenRateLimitRulesSetThenTheyReplaceTheirPathsDefaultOrComeFirst() {
        ServiceSettings settings = from(Map.of(
                "RATE_LIMIT_RULES", "/sign-in*=5/20s; /token=50/1m",
                "RATE_LIMIT_DEFAULT", "200/10s", "RATE_LIMIT_ACCOUNT_ATTEMPTS", "20/5m", "RATE_LIMIT_ACCOUNT_MAILS", "5/1h",
                "TRUSTED_PROXIES", "10.0.0.0/8, fd00::/8"));
        RateLimitPolicy limits = settings.rateLimits();

        assertThat(limits.pathRules()).startsWith(new PathRule("/sign-in*", new RateLimit(5, Duration.ofSeconds(20))),
                new PathRule("/token", new RateLimit(50, Duration.ofMinutes(1))));
        assertThat(limits.pathRules()).filteredOn(rule -> rule.pattern().equals("/sign-in*")).hasSize(1);
        assertThat(limits.pathRules()).hasSize(RateLimitPolicy.defaults().pathRules().size() + 1);
        assertThat(limits.otherPaths()).isEqualTo(new RateLimit(200, Duration.ofSeconds(10)));
        assertThat(limits.accountAttempts()).isEqualTo(new RateLimit(20, Duration.ofMinutes(5)));
        assertThat(limits.accountMails()).isEqualTo(new RateLimit(5, Duration.ofHours(1)));
        assertThat(settings.web().trustedProxies()).containsExactly("10.0.0.0/8", "fd00::/8");
    }

    @Test
    void fromWhenRateLimitsOrProxiesMalformedThenOneLineNamesEach() {
        assertThatThrownBy(() -> from(Map.of("RATE_LIMIT_RULES", "sign-in=3/10s", "RATE_LIMIT_DEFAULT", "many",
                "RATE_LIMIT_ACCOUNT_MAILS", "0/1m", "TRUSTED_PROXIES", "proxy.internal")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("RATE_LIMIT_RULES must read like /sign-in*=3/10s;/request-password-reset=3/60s, not 'sign-in=3/10s'")
                .hasMessageContaining("RATE_LIMIT_DEFAULT must read like 3/10s (requests per window), not 'many'")
                .hasMessageContaining("RATE_LIMIT_ACCOUNT_MAILS must read like 3/10s")
                .hasMessageContaining("TRUSTED_PROXIES: a trusted proxy is an IP address or CIDR range, not 'proxy.internal'")
                .hasMessageNotContaining("\n");
    }
}
