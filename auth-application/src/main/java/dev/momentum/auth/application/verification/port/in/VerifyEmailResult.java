package dev.momentum.auth.application.verification.port.in;

import dev.momentum.auth.application.session.port.in.SessionResult;
import dev.momentum.auth.domain.user.User;

/**
 * A first use of a verification link signs the user in; opening it again only confirms the
 * address is verified. A change-email link makes the new address the account's.
 */
public sealed interface VerifyEmailResult {

    record VerifiedAndSignedInResult(SessionResult session) implements VerifyEmailResult {
    }

    record AlreadyVerifiedResult() implements VerifyEmailResult {
    }

    record EmailChangedResult(User user) implements VerifyEmailResult {
    }
}
