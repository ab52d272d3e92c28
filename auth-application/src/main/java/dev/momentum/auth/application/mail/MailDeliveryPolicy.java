package dev.momentum.auth.application.mail;

import dev.momentum.auth.application.support.SettingsReader;
import java.time.Duration;
import java.util.Objects;

/**
 * How queued mail is sent.
 *
 * @param firstRetry the wait after the first failed attempt; each further failure doubles it, up to {@code longestRetry}
 * @param giveUpAfter a mail still unsent this long after it was queued is given up; keep it within the
 *                    provider's idempotency window (Resend: 24 h) so a retry is never delivered twice
 * @param lease how long a claimed mail is reserved for the instance that claimed it
 * @param batchSize mails claimed per database round trip
 * @param concurrency mails sent at once by one instance
 * @param sendTimeout the longest one attempt may take
 */
public record MailDeliveryPolicy(Duration firstRetry, Duration longestRetry, Duration giveUpAfter, Duration lease,
                                 int batchSize, int concurrency, Duration sendTimeout) {

    public MailDeliveryPolicy {
        Objects.requireNonNull(firstRetry, "firstRetry cannot be null");
        Objects.requireNonNull(longestRetry, "longestRetry cannot be null");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter cannot be null");
        Objects.requireNonNull(lease, "lease cannot be null");
        Objects.requireNonNull(sendTimeout, "sendTimeout cannot be null");
        if (lease.compareTo(sendTimeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("the lease must outlast a send attempt with room to spare");
        }
    }

    private static final int LEASE_IN_ATTEMPTS = 4;

    public static MailDeliveryPolicy defaults() {
        return withLeaseOfFourAttempts(Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofHours(23),
                Duration.ofSeconds(30));
    }

    private static MailDeliveryPolicy withLeaseOfFourAttempts(Duration firstRetry, Duration longestRetry,
                                                              Duration giveUpAfter, Duration sendTimeout) {
        return new MailDeliveryPolicy(firstRetry, longestRetry, giveUpAfter, sendTimeout.multipliedBy(LEASE_IN_ATTEMPTS),
                50, 4, sendTimeout);
    }

    /**
     * The defaults, with the retry schedule from MAIL_RETRY_FIRST, MAIL_RETRY_MAX and
     * MAIL_GIVE_UP_AFTER, and the attempt's bound from MAIL_SEND_TIMEOUT. The lease is four
     * attempts long: a mail claimed by an instance that died is sent by another after it.
     */
    public static MailDeliveryPolicy read(SettingsReader env) {
        MailDeliveryPolicy defaults = defaults();
        return withLeaseOfFourAttempts(env.duration("MAIL_RETRY_FIRST", defaults.firstRetry()),
                env.duration("MAIL_RETRY_MAX", defaults.longestRetry()),
                env.duration("MAIL_GIVE_UP_AFTER", defaults.giveUpAfter()),
                env.duration("MAIL_SEND_TIMEOUT", defaults.sendTimeout()));
    }

    /** @param failedAttempts how many attempts have failed so far, at least 1 */
    Duration retryDelay(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        Duration delay = firstRetry.multipliedBy(1L << doublings);
        return delay.compareTo(longestRetry) > 0 ? longestRetry : delay;
    }
}
