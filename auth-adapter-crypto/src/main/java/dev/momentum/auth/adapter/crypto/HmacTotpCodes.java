package dev.momentum.auth.adapter.crypto;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import dev.momentum.auth.application.twofactor.port.out.TotpCodes;
import dev.momentum.auth.domain.twofactor.TotpCheck;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.encoders.Base32;

/** RFC 6238 codes by java-otp's HOTP over the step; the key is the secret's UTF-8 bytes, as better-auth's. */
public final class HmacTotpCodes implements TotpCodes {

    private final HmacOneTimePasswordGenerator hotp = new HmacOneTimePasswordGenerator(TotpCheck.DIGITS);

    @Override
    public String codeAt(TotpSecret secret, long step) {
        try {
            return hotp.generateOneTimePasswordString(new SecretKeySpec(secret.key(), "HmacSHA1"), step, Locale.ROOT);
        } catch (InvalidKeyException impossible) {
            throw new IllegalStateException("an HMAC-SHA1 key of any length is valid", impossible);
        }
    }

    /**
     * Character for character what better-auth's {@code createOTP(secret).url(issuer, account)}
     * writes: the label escaped as JavaScript's {@code encodeURIComponent}, the query as its
     * {@code URLSearchParams}, the key in unpadded base32.
     */
    @Override
    public String enrolmentUri(TotpSecret secret, String issuer, String account) {
        String key = Base32.toBase32String(secret.key()).replace("=", "");
        return "otpauth://totp/" + uriComponent(issuer) + ":" + uriComponent(account) + "?secret=" + key
                + "&issuer=" + formField(issuer) + "&digits=" + TotpCheck.DIGITS + "&period=" + TotpCheck.STEP_SECONDS;
    }

    private static String formField(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** {@code encodeURIComponent} leaves {@code !'()~} as they are, which form encoding escapes. */
    private static String uriComponent(String text) {
        return formField(text).replace("+", "%20").replace("%21", "!").replace("%27", "'").replace("%28", "(")
                .replace("%29", ")").replace("%7E", "~");
    }
}
