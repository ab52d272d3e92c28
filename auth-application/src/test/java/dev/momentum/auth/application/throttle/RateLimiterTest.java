package dev.momentum.auth.application.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.momentum.auth.application.error.RateLimitedException;
import dev.momentum.auth.application.testing.MutableClock;
import dev.momentum.auth.application.throttle.RateLimiter.AccountAction;
import dev.momentum.auth.domain.user.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final LocalRateLimitStore shared = new LocalRateLimitStore(1000);
    private final LocalRateLimitStore local = new LocalRateLimitStore(1000);
    private final RateLimiter limiter = new RateLimiter(RateLimitPolicy.defaults(), shared, local, clock);

    @Test
    void signInAllowsThreeRequestsPerTenSecondsPerClientThenTellsWhenToRetry() {
        admit("203.0.113.7", "/sign-in/email", 3);
        clock.advance(Duration.ofMillis(2500));

        assertThatThrownBy(() -> limiter.admitRequest("203.0.113.7", "/sign-in/email").block())
                .isInstanceOfSatisfying(RateLimitedException.class, refused -> {
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(7500));
                    assertThat(refused.retryAfterSeconds()).isEqualTo(8);
                });
        // another client and another rule have budgets of their own
        admit("203.0.113.8", "/sign-in/email", 3);
        admit("203.0.113.7", "/sign-up/email", 3);
    }

    @Test
    void twoFactorCodesShareBetterAuthsBudgetOfThreePerTenSeconds() {
        admit("203.0.113.7", "/two-factor/verify-totp", 2);
        admit("203.0.113.7", "/two-factor/verify-backup-code", 1);

        assertThatThrownBy(() -> limiter.admitRequest("203.0.113.7", "/two-factor/verify-totp").block())
                .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void refusedRequestsDoNotExtendTheWindow() {
        admit("203.0.113.7", "/sign-in/email", 3);
        for (int second = 0; second < 9; second++) {
            clock.advance(Duration.ofSeconds(1));
            assertThatThrownBy(() -> limiter.admitRequest("203.0.113.7", "/sign-in/email").block())
                    .isInstanceOf(RateLimitedException.class);
        }
        clock.advance(Duration.ofSeconds(1));

        admit("203.0.113.7", "/sign-in/email", 3);
    }

    @Test
    void ruledPathsAreCountedInTheSharedStoreAndOtherPathsLocally() {
        admit("203.0.113.7", "/sign-in/email", 1);
        admit("203.0.113.7", "/get-session", 100);

        assertThat(shared.size()).isEqualTo(1);
        assertThat(local.size()).isEqualTo(1);
        assertThatThrownBy(() -> limiter.admitRequest("203.0.113.7", "/get-session").block())
                .isInstanceOf(RateLimitedException.class);
        admit("203.0.113.7", "/token", 100);
    }

    @Test
    void anAccountGetsTenCredentialAttemptsAMinuteFromAnyClient() {
        EmailAddress email = EmailAddress.parse("ada@example.com").orElseThrow();
        for (int attempt = 0; attempt < 10; attempt++) {
            limiter.admitAccount(AccountAction.CREDENTIALS, email).block();
        }

        assertThatThrownBy(() -> limiter.admitAccount(AccountAction.CREDENTIALS, email).block())
                .isInstanceOf(RateLimitedException.class);
        limiter.admitAccount(AccountAction.MAIL, email).block();
        limiter.admitAccount(AccountAction.CREDENTIALS, EmailAddress.parse("bob@example.com").orElseThrow()).block();
        clock.advance(Duration.ofSeconds(60));
        limiter.admitAccount(AccountAction.CREDENTIALS, email).block();
    }

    @Test
    void aDisabledPolicyCountsNothing() {
        var off = new RateLimiter(RateLimitPolicy.defaults().disabled(), shared, local, clock);
        for (int i = 0; i < 50; i++) {
            off.admitRequest("203.0.113.7", "/sign-in/email").block();
        }

        assertThat(shared.size()).isZero();
    }

    @Test
    void theLocalStoreStaysWithinItsCapacityAndMakesRoomFromEndedWindows() {
        var small = new LocalRateLimitStore(2);
        small.hit("a", Duration.ofSeconds(10), clock.instant()).block();
        small.hit("b", Duration.ofSeconds(10), clock.instant()).block();

        assertThat(small.hit("c", Duration.ofSeconds(10), clock.instant()).block().hits()).isEqualTo(1);
        assertThat(small.size()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(10));
        small.hit("c", Duration.ofSeconds(10), clock.instant()).block();
        assertThat(small.size()).isEqualTo(1);
    }

    private void admit(String client, String path, int times) {
        for (int i = 0; i < times; i++) {
            limiter.admitRequest(client, path).block();
        }
    }
}
