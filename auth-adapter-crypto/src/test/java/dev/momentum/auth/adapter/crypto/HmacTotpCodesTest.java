package dev.momentum.auth.adapter.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.momentum.auth.domain.twofactor.TotpCheck;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HmacTotpCodesTest {

    /** RFC 6238 Appendix B's SHA-1 key is ASCII text: its UTF-8 bytes, as better-auth reads every secret. */
    static final TotpSecret RFC_SECRET = new TotpSecret("12345678901234567890");

    final HmacTotpCodes codes = new HmacTotpCodes();

    @Test
    void codeAtWhenRfc6238sTimesThenTheLastSixDigitsOfItsSha1Values() {
        Map<Long, String> appendixB = Map.of(59L, "287082", 1111111109L, "081804", 1111111111L, "050471",
                1234567890L, "005924", 2000000000L, "279037", 20000000000L, "353130");

        appendixB.forEach((seconds, code) -> assertThat(codes.codeAt(RFC_SECRET,
                TotpCheck.stepAt(Instant.ofEpochSecond(seconds)))).as("T=%d", seconds).isEqualTo(code));
    }

    @Test
    void acceptedStepWhenTheAppsCodeThenAcceptedOnceAndNotAgain() {
        Instant now = Instant.ofEpochSecond(1111111111L);
        long step = TotpCheck.stepAt(now);

        var first = TotpCheck.acceptedStep("050471", now, OptionalLong.empty(), at -> codes.codeAt(RFC_SECRET, at));
        var again = TotpCheck.acceptedStep("050471", now, first, at -> codes.codeAt(RFC_SECRET, at));

        assertThat(first).hasValue(step);
        assertThat(again).isEmpty();
    }

    /** The expected URI was written by Node's encodeURIComponent and URLSearchParams, as better-auth's code uses them. */
    @Test
    void enrolmentUriWhenIssuerAndAccountNeedEscapingThenAsBetterAuthWritesIt() {
        assertThat(codes.enrolmentUri(RFC_SECRET, "Momentum Auth (dev)", "ada+1@example.com")).isEqualTo(
                "otpauth://totp/Momentum%20Auth%20(dev):ada%2B1%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Momentum+Auth+%28dev%29&digits=6&period=30");
    }
}
