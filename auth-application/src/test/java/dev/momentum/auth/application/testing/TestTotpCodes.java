package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.twofactor.port.out.TotpCodes;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import java.util.Objects;

/** A code per secret and step that tests can compute; RFC 6238 itself is HmacTotpCodes', tested in the crypto adapter. */
public final class TestTotpCodes implements TotpCodes {

    @Override
    public String codeAt(TotpSecret secret, long step) {
        return "%06d".formatted(Math.floorMod(Objects.hash(secret.value(), step), 1_000_000));
    }

    @Override
    public String enrolmentUri(TotpSecret secret, String issuer, String account) {
        return "otpauth://totp/" + issuer + ":" + account + "?secret=" + secret.value();
    }
}
