package dev.momentum.auth.bootstrap.system;

import dev.momentum.auth.adapter.crypto.HmacTotpCodes;
import dev.momentum.auth.domain.twofactor.TotpCheck;
import dev.momentum.auth.domain.twofactor.TotpSecret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.bouncycastle.util.encoders.Base32;

/** An authenticator app that scanned an enrolment URI of the service: the codes it shows. */
record AuthenticatorApp(TotpSecret secret) {

    static AuthenticatorApp scanning(String totpUri) {
        String base32 = URI.create(totpUri).getQuery().replaceAll(".*secret=([A-Z2-7]+).*", "$1");
        int padding = (8 - base32.length() % 8) % 8;
        return new AuthenticatorApp(new TotpSecret(new String(Base32.decode(base32 + "=".repeat(padding)),
                StandardCharsets.UTF_8)));
    }

    /** The code now, or that many 30-second steps later. */
    String code(int stepsLater) {
        return new HmacTotpCodes().codeAt(secret, TotpCheck.stepAt(Instant.now()) + stepsLater);
    }
}
