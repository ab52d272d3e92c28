package dev.momentum.auth.application.throttle;

import dev.momentum.auth.domain.throttle.RateLimit;
import java.time.Duration;
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

    /** better-auth's rules, plus the per-account budgets it does not have. */
    public static RateLimitPolicy defaults() {
        RateLimit credentials = new RateLimit(3, Duration.ofSeconds(10));
        RateLimit mails = new RateLimit(3, Duration.ofSeconds(60));
        return new RateLimitPolicy(true, List.of(
                new PathRule("/sign-in*", credentials), new PathRule("/sign-up*", credentials),
                new PathRule("/change-password*", credentials), new PathRule("/change-email*", credentials),
                new PathRule("/request-password-reset", mails), new PathRule("/send-verification-email", mails),
                new PathRule("/forget-password*", mails)),
                new RateLimit(100, Duration.ofSeconds(10)),
                new RateLimit(10, Duration.ofSeconds(60)), new RateLimit(3, Duration.ofSeconds(60)));
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
