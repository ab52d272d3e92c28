package dev.momentum.auth.application.twofactor.port.out;

import dev.momentum.auth.domain.twofactor.TotpSecret;

/** What an authenticator app computes from its secret (RFC 6238 with HMAC-SHA1, as better-auth). */
public interface TotpCodes {

    /** The code of the secret at an RFC 6238 step, {@code TotpCheck.DIGITS} digits with leading zeros. */
    String codeAt(TotpSecret secret, long step);

    /**
     * The {@code otpauth://totp/} URI an app scans to enrol: the secret's key in base32, the issuer
     * and the account, with the digits and period better-auth writes.
     */
    String enrolmentUri(TotpSecret secret, String issuer, String account);
}
