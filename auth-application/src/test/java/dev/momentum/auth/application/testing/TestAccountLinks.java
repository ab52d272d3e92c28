package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.verification.port.out.AccountLinks;
import java.net.URI;

/**
 * Links that show what the use case handed over, token and callback as they came; their form on
 * the wire is the web adapter's (RouteAccountLinksTest).
 */
public final class TestAccountLinks implements AccountLinks {

    private static final String BASE = "http://links.test";

    @Override
    public URI emailVerification(String token, String callbackURL) {
        return URI.create(BASE + "/verify-email?token=" + token + "&callbackURL=" + callbackURL);
    }

    @Override
    public URI passwordReset(String token, String redirectTo) {
        return URI.create(BASE + "/reset-password/" + token + "?callbackURL=" + redirectTo);
    }

    @Override
    public URI accountDeletion(String token, String callbackURL) {
        return URI.create(BASE + "/delete-user/callback?token=" + token + "&callbackURL=" + callbackURL);
    }
}
