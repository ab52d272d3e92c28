package dev.momentum.auth.adapter.web.verification;

import dev.momentum.auth.adapter.web.AuthApiSettings;
import dev.momentum.auth.adapter.web.account.AccountController;
import dev.momentum.auth.adapter.web.credential.PasswordController;
import dev.momentum.auth.application.verification.port.out.AccountLinks;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The mailed links, in better-auth's forms, pointing at the routes of this adapter that follow
 * them: {@code {authBase}/verify-email?token=…&callbackURL=…},
 * {@code {authBase}/reset-password/<token>?callbackURL=…} and
 * {@code {authBase}/delete-user/callback?token=…&callbackURL=…}.
 */
public final class RouteAccountLinks implements AccountLinks {

    private final String authBaseUrl;

    public RouteAccountLinks(AuthApiSettings settings) {
        this.authBaseUrl = settings.authBaseUrl().toString();
    }

    @Override
    public URI emailVerification(String token, String callbackURL) {
        return link(EmailVerificationController.VERIFY_EMAIL_PATH + "?token=" + token + "&callbackURL=",
                orRoot(callbackURL));
    }

    /** With an empty callbackURL when no redirectTo was given, as better-auth's. */
    @Override
    public URI passwordReset(String token, String redirectTo) {
        return link(PasswordController.RESET_LINK_PATH.replace("{token}", token) + "?callbackURL=",
                redirectTo == null ? "" : redirectTo);
    }

    @Override
    public URI accountDeletion(String token, String callbackURL) {
        return link(AccountController.DELETE_LINK_PATH + "?token=" + token + "&callbackURL=", orRoot(callbackURL));
    }

    private static String orRoot(String callbackURL) {
        return callbackURL == null || callbackURL.isEmpty() ? "/" : callbackURL;
    }

    private URI link(String routeWithToken, String callback) {
        return URI.create(authBaseUrl + routeWithToken + URLEncoder.encode(callback, StandardCharsets.UTF_8));
    }
}
