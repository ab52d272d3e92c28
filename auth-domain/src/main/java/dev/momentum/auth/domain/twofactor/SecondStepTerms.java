package dev.momentum.auth.domain.twofactor;

import java.time.Duration;

/**
 * The terms of the second step of a sign-in, better-auth's twoFactor defaults: a challenge lasts
 * ten minutes and admits five codes; ten wrong codes in a row, over any challenges, lock the
 * factor for fifteen minutes (NIST SP 800-63B 5.2.2); a trusted browser skips the step for thirty
 * days; a code by mail lasts three minutes. The lock bounds how long someone who knows the password
 * can keep the owner out.
 */
public final class SecondStepTerms {

    public static final Duration CHALLENGE_VALIDITY = Duration.ofMinutes(10);
    public static final int ATTEMPTS_PER_CHALLENGE = 5;
    public static final int FAILURES_BEFORE_LOCK = 10;
    public static final Duration LOCK = Duration.ofMinutes(15);
    public static final Duration TRUST_VALIDITY = Duration.ofDays(30);
    public static final Duration MAILED_CODE_VALIDITY = Duration.ofMinutes(3);

    private SecondStepTerms() {
    }
}
