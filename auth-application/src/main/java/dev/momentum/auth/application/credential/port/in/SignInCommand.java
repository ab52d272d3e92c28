package dev.momentum.auth.application.credential.port.in;

import dev.momentum.auth.application.error.AuthError;
import dev.momentum.auth.application.error.AuthException;
import dev.momentum.auth.domain.session.ClientInfo;
import dev.momentum.auth.domain.token.BearerToken;
import dev.momentum.auth.domain.user.EmailAddress;
import java.util.Objects;

/**
 * @param replacedSessionToken the session the client held when it signed in, which the sign-in
 *                             ends (ASVS 5.0 7.2.4); null when it held none
 * @param trustedDevice        the token of a device the user trusted at an earlier second step; null when none
 */
public record SignInCommand(EmailAddress email, String password, boolean rememberMe, ClientInfo client,
                            BearerToken replacedSessionToken, String trustedDevice) {

    public SignInCommand {
        Objects.requireNonNull(email, "email cannot be null");
        Objects.requireNonNull(password, "password cannot be null");
        Objects.requireNonNull(client, "client cannot be null");
    }

    /** better-auth's sign-in answers INVALID_EMAIL for an address it cannot read, before it looks anything up. */
    public static SignInCommand of(String email, String password, boolean rememberMe, ClientInfo client,
                                   BearerToken replacedSessionToken) {
        EmailAddress address = EmailAddress.parse(email).orElseThrow(() -> new AuthException(AuthError.INVALID_EMAIL));
        return new SignInCommand(address, password, rememberMe, client, replacedSessionToken, null);
    }

    public SignInCommand withTrustedDevice(String token) {
        return new SignInCommand(email, password, rememberMe, client, replacedSessionToken, token);
    }

    @Override
    public String toString() {
        return "SignInCommand[email=" + email + ", password hidden, rememberMe=" + rememberMe + "]";
    }
}
