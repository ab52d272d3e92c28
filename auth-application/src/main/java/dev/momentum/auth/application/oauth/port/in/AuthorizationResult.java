package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.domain.oauth.OAuthClient;
import dev.momentum.auth.domain.oauth.Scopes;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where an authorization request goes next. */
public sealed interface AuthorizationResult {

    /**
     * Back to the client's redirect URI with these parameters, in this order: a code, or an error; the
     * adapter adds {@code iss}.
     */
    record RedirectToClientResult(String redirectUri, Map<String, String> parameters) implements AuthorizationResult {
        public RedirectToClientResult {
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }
    }

    /** The client or its redirect URI is not known: the refusal is shown to the user, never redirected. */
    record UnredirectableResult(OAuthException.Code error, String description) implements AuthorizationResult {
    }

    /** The user signs in first, then comes back with the same request. */
    record SignInRequiredResult() implements AuthorizationResult {
    }

    /** The user is asked to allow the client these scopes. */
    record ConsentRequiredResult(OAuthClient client, Scopes scopes, String redirectHost) implements AuthorizationResult {
    }
}
