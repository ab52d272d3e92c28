package dev.momentum.auth.application.verification.port.out;

import java.net.URI;

/**
 * The links that mails carry, built by the driving adapter that serves them, from its own routes:
 * the use cases know what a link proves, not where it points.
 */
public interface AccountLinks {

    /** Following it verifies the address (also a new address, for a change), then goes to the callback. */
    URI emailVerification(String token, String callbackURL);

    /** Following it checks the token and sends the browser to the reset page (redirectTo), token attached. */
    URI passwordReset(String token, String redirectTo);

    /** Following it deletes the account of the session that follows it, then goes to the callback. */
    URI accountDeletion(String token, String callbackURL);
}
