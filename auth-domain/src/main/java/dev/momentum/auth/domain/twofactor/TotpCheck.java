package dev.momentum.auth.domain.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * Which codes of an authenticator app are accepted: RFC 6238 with better-auth's parameters
 * (30-second steps, 6 digits, the step before and the step after the current one for clock
 * drift), and, beyond better-auth, never a step at or before the last one accepted, so a code
 * seen once cannot be replayed (ASVS 5.0 6.5.1).
 */
public final class TotpCheck {

    public static final long STEP_SECONDS = 30;
    public static final int DIGITS = 6;
    public static final int DRIFT_STEPS = 1;

    private static final Pattern CODE = Pattern.compile("\\d{" + DIGITS + "}");

    private TotpCheck() {
    }

    /** The RFC 6238 counter at this instant. */
    public static long stepAt(Instant now) {
        return Math.floorDiv(now.getEpochSecond(), STEP_SECONDS);
    }

    /**
     * The step whose code was presented, or empty when none within the drift matches or the one
     * that matches was accepted before. Every step in the window is compared, in constant time,
     * whichever matches, so the answer's timing does not tell which step was right.
     *
     * @param lastAccepted the step of the code last accepted for this secret, or empty
     * @param codeAt the code of the secret at a step
     */
    public static OptionalLong acceptedStep(String presented, Instant now, OptionalLong lastAccepted,
                                            LongFunction<String> codeAt) {
        if (presented == null || !CODE.matcher(presented).matches()) {
            return OptionalLong.empty();
        }
        byte[] given = presented.getBytes(StandardCharsets.US_ASCII);
        long current = stepAt(now);
        OptionalLong accepted = OptionalLong.empty();
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            boolean matches = MessageDigest.isEqual(codeAt.apply(step).getBytes(StandardCharsets.US_ASCII), given);
            boolean fresh = lastAccepted.isEmpty() || step > lastAccepted.getAsLong();
            if (matches && fresh && accepted.isEmpty()) {
                accepted = OptionalLong.of(step);
            }
        }
        return accepted;
    }
}
