package dev.momentum.auth.application.throttle;

import dev.momentum.auth.application.support.SettingsReader;
import dev.momentum.auth.domain.throttle.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How many requests a client address and an account may make. The path rules (first match wins)
 * guard what costs a password hash or sends a mail; their counts are shared by every instance.
 * Every other path gets {@code otherPaths}, counted by each instance alone (ADR-0022).
 *
 * @param accountAttempts sign-in and sign-up attempts per email address, from any client
 * @param accountMails reset and verification mails requested per email address, from any client
 */
public record RateLimitPolicy(boolean enabled, List<PathRule> pathRules, RateLimit otherPaths,
                              RateLimit accountAttempts, RateLimit accountMails) {

    public RateLimitPolicy {
        pathRules = List.copyOf(pathRules);
        Objects.requireNonNull(otherPaths, "otherPaths cannot be null");
        Objects.requireNonNull(accountAttempts, "accountAttempts cannot be null");
        Objects.requireNonNull(accountMails, "accountMails cannot be null");
    }

    /**
     * better-auth's rules, plus the per-account budgets it does not have, and a budget for open
     * client registration (RFC 7591), which anyone could otherwise flood.
     */
    public static RateLimitPolicy defaults() {
        RateLimit credentials = new RateLimit(3, Duration.ofSeconds(10));
        RateLimit mails = new RateLimit(3, Duration.ofSeconds(60));
        return new RateLimitPolicy(true, List.of(
                new PathRule("/sign-in*", credentials), new PathRule("/sign-up*", credentials),
                new PathRule("/change-password*", credentials), new PathRule("/change-email*", credentials),
                new PathRule("/two-factor/*", credentials),
                // the built-in sign-in page: its form and its answer both count, so twice sign-in's budget
                new PathRule("/oauth2/pages/sign-in", new RateLimit(6, Duration.ofSeconds(10))),
                new PathRule("/oauth2/pages/two-factor", credentials),
                new PathRule("/request-password-reset", mails), new PathRule("/send-verification-email", mails),
                new PathRule("/forget-password*", mails),
                new PathRule("/oauth2/register", new RateLimit(10, Duration.ofMinutes(10)))),
                new RateLimit(100, Duration.ofSeconds(10)),
                new RateLimit(10, Duration.ofSeconds(60)), new RateLimit(3, Duration.ofSeconds(60)));
    }

    /** The defaults, changed by RATE_LIMIT_ENABLED, RATE_LIMIT_RULES and the RATE_LIMIT_* budgets. */
    public static RateLimitPolicy read(SettingsReader env) {
        RateLimitPolicy defaults = defaults();
        return new RateLimitPolicy(env.flag("RATE_LIMIT_ENABLED", true),
                pathRules(env.text("RATE_LIMIT_RULES").orElse(""), defaults.pathRules(), env),
                rateLimit(env, "RATE_LIMIT_DEFAULT", defaults.otherPaths()),
                rateLimit(env, "RATE_LIMIT_ACCOUNT_ATTEMPTS", defaults.accountAttempts()),
                rateLimit(env, "RATE_LIMIT_ACCOUNT_MAILS", defaults.accountMails()));
    }

    /** {@code /sign-in*=5/10s;/request-password-reset=1/60s}: replaces the default rule of that path, or comes first. */
    private static List<PathRule> pathRules(String rules, List<PathRule> defaults, SettingsReader env) {
        List<PathRule> configured = new ArrayList<>();
        for (String rule : rules.split(";")) {
            if (rule.isBlank()) {
                continue;
            }
            String[] pathAndLimit = rule.split("=", 2);
            Optional<RateLimit> limit = pathAndLimit.length == 2 ? rateLimit(pathAndLimit[1]) : Optional.empty();
            if (limit.isEmpty() || !pathAndLimit[0].strip().startsWith("/")) {
                env.problem("RATE_LIMIT_RULES must read like /sign-in*=3/10s;/request-password-reset=3/60s, not '"
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

    private static RateLimit rateLimit(SettingsReader env, String name, RateLimit fallback) {
        Optional<String> value = env.text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        Optional<RateLimit> limit = rateLimit(value.get());
        if (limit.isEmpty()) {
            env.problem(name + " must read like 3/10s (requests per window), not '" + value.get() + "'");
        }
        return limit.orElse(fallback);
    }

    /** {@code 3/10s}: at most three requests in ten seconds. */
    private static Optional<RateLimit> rateLimit(String text) {
        String[] maxAndWindow = text.strip().split("/", 2);
        try {
            Duration window = SettingsReader.parseDuration(maxAndWindow[1]).orElseThrow();
            return Optional.of(new RateLimit(Integer.parseInt(maxAndWindow[0].strip()), window));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    public RateLimitPolicy disabled() {
        return new RateLimitPolicy(false, pathRules, otherPaths, accountAttempts, accountMails);
    }

    Optional<PathRule> ruleFor(String path) {
        return pathRules.stream().filter(rule -> rule.matches(path)).findFirst();
    }

    /** {@code pattern} is a path, or a path prefix followed by {@code *}. */
    public record PathRule(String pattern, RateLimit limit) {

        public PathRule {
            Objects.requireNonNull(pattern, "pattern cannot be null");
            Objects.requireNonNull(limit, "limit cannot be null");
            if (!pattern.startsWith("/")) {
                throw new IllegalArgumentException("a path rule starts with /");
            }
        }

        boolean matches(String path) {
            return pattern.endsWith("*") ? path.startsWith(pattern.substring(0, pattern.length() - 1))
                    : path.equals(pattern);
        }
    }
}
