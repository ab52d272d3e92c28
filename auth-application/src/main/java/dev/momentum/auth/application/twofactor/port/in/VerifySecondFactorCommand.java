package dev.momentum.auth.application.twofactor.port.in;

import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import java.util.Objects;

/**
 * A code given as the second factor: by a signed-in user (to confirm an enrolment) or against a
 * sign-in challenge.
 *
 * @param session     the session the client holds; null when none
 * @param challenge   the sign-in challenge the client holds (better-auth's two_factor cookie); null when none
 * @param trustDevice a sign-in completed by this code trusts the browser for 30 days
 * @param rememberMe  the session a completed sign-in starts outlives the browser session
 */
public record VerifySecondFactorCommand(Proof proof, String code, BearerToken session, String challenge,
                                        boolean trustDevice, boolean rememberMe, ClientInfo client) {

    public enum Proof {
        /** A code of the authenticator app. */
        TOTP,
        /** One of the backup codes, spent by its use. */
        BACKUP_CODE,
        /** The code last mailed for this challenge or session. */
        OTP
    }

    public VerifySecondFactorCommand {
        Objects.requireNonNull(proof, "proof cannot be null");
        Objects.requireNonNull(code, "code cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
    }

    @Override
    public String toString() {
        return "VerifySecondFactorCommand[" + proof + ", code hidden, trustDevice=" + trustDevice + "]";
    }
}
