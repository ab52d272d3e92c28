package dev.momentum.auth.application.throttle;

import dev.momentum.auth.application.error.RateLimitedException;
import dev.momentum.auth.application.throttle.port.in.RateLimitUseCase;
import dev.momentum.auth.application.throttle.port.out.RateLimitStore;
import dev.momentum.auth.domain.throttle.RateLimit;
import dev.momentum.auth.domain.user.EmailAddress;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Budgets of requests per client address and path, and per account, checked before any password
 * is hashed or mail is queued (ADR-0022).
 */
public final class RateLimiter implements RateLimitUseCase {

    /** Client addresses one instance tracks for the paths without a rule of their own. */
    static final int LOCAL_CAPACITY = 100_000;
    private static final int LONGEST_COUNTED_PATH = 128;

    /** What an account's budget is spent on. */
    public enum AccountAction { CREDENTIALS, MAIL }

    private final RateLimitPolicy policy;
    private final RateLimitStore shared;
    private final RateLimitStore local;
    private final Clock clock;

    public RateLimiter(RateLimitPolicy policy, RateLimitStore shared, Clock clock) {
        this(policy, shared, new LocalRateLimitStore(LOCAL_CAPACITY), clock);
    }

    RateLimiter(RateLimitPolicy policy, RateLimitStore shared, RateLimitStore local, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
        this.shared = Objects.requireNonNull(shared, "shared cannot be null");
        this.local = Objects.requireNonNull(local, "local cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    @Override
    public Mono<Void> admitRequest(String clientAddress, String path) {
        if (!policy.enabled()) {
            return Mono.empty();
        }
        return policy.ruleFor(path)
                .map(rule -> admit(shared, "client|" + clientAddress + "|" + rule.pattern(), rule.limit()))
                .orElseGet(() -> admit(local, "client|" + clientAddress + "|" + truncated(path), policy.otherPaths()));
    }

    /** Counts one attempt on the account with this address, whether or not it exists. */
    public Mono<Void> admitAccount(AccountAction action, EmailAddress email) {
        if (!policy.enabled()) {
            return Mono.empty();
        }
        RateLimit limit = action == AccountAction.CREDENTIALS ? policy.accountAttempts() : policy.accountMails();
        return admit(shared, "account|" + action.name().toLowerCase(Locale.ROOT) + "|" + email.value(),
                limit);
    }

    private Mono<Void> admit(RateLimitStore store, String key, RateLimit limit) {
        return Mono.defer(() -> {
            var now = clock.instant();
            return store.hit(key, limit.window(), now)
                    .flatMap(window -> window.retryAfter(limit, now)
                            .map(wait -> Mono.<Void>error(new RateLimitedException(wait)))
                            .orElseGet(Mono::empty));
        });
    }

    private static String truncated(String path) {
        return path.length() <= LONGEST_COUNTED_PATH ? path : path.substring(0, LONGEST_COUNTED_PATH);
    }
}
