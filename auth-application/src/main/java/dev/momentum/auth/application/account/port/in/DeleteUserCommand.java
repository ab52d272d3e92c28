package dev.momentum.auth.application.account.port.in;

import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.token.LinkToken;

/**
 * A request to delete the caller's account.
 *
 * @param sessionToken the caller's session token, or null (then UNAUTHORIZED)
 * @param password the user's password, or null: then the session must be fresh, unless a
 *                 confirmation is mailed
 * @param confirmation the token of a confirmation mail, or null
 * @param callbackURL where the confirmation link leads, already checked by the caller; nullable
 */
public record DeleteUserCommand(BearerToken sessionToken, String password, LinkToken confirmation, String callbackURL) {

    /** An empty token is no token, as better-auth reads it. */
    public static DeleteUserCommand of(BearerToken sessionToken, String password, String confirmation,
                                       String callbackURL) {
        return new DeleteUserCommand(sessionToken, password, LinkToken.parse(confirmation).orElse(null), callbackURL);
    }

    @Override
    public String toString() {
        return "DeleteUserCommand[password and tokens hidden, callbackURL=" + callbackURL + "]";
    }
}
