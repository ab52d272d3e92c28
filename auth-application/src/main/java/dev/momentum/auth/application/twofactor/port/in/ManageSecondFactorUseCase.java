package dev.momentum.auth.application.twofactor.port.in;

import dev.momentum.auth.application.session.port.in.SessionResult;
import java.util.List;
import reactor.core.publisher.Mono;

/** The signed-in user's own second factor, each change confirmed with the password. */
public interface ManageSecondFactorUseCase {

    /** Starts (or starts again) an authenticator-app enrolment; {@code issuer} null: the configured one. */
    Mono<TotpEnrolmentResult> enableTotp(PasswordConfirmedCommand command, String issuer);

    /** Codes by mail as the second factor, at once (better-auth's {@code method: "otp"}); the session is replaced. */
    Mono<SessionResult> enableMailedCodes(PasswordConfirmedCommand command);

    /** The enrolment URI of the user's authenticator app again, e.g. for a second device. */
    Mono<String> totpUri(PasswordConfirmedCommand command);

    /** A fresh set of backup codes in place of the old ones, which stop working. */
    Mono<List<String>> replaceBackupCodes(PasswordConfirmedCommand command);

    /**
     * Removes the second factor and every device trusted to skip it; the session is replaced, as
     * better-auth does.
     */
    Mono<SessionResult> disable(PasswordConfirmedCommand command);
}
