package dev.momentum.auth.adapter.web.oauth;

import dev.momentum.auth.application.oauth.port.in.AuthorizationResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.ConsentRequiredResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.RedirectToClientResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.SignInRequiredResult;
import dev.momentum.auth.application.oauth.port.in.AuthorizationResult.UnredirectableResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;

/**
 * Where an authorization's outcome sends the browser: back to the client with its answer and our
 * {@code iss}, or to the sign-in or consent page with the request signed.
 */
final class AuthorizationRedirects {

    private final OAuthPages pages;
    private final SignedOAuthQuery signedQueries;
    private final String issuer;

    AuthorizationRedirects(OAuthPages pages, SignedOAuthQuery signedQueries, String issuer) {
        this.pages = pages;
        this.signedQueries = signedQueries;
        this.issuer = issuer;
    }

    /** The URL; an {@link UnredirectableResult} has none, and is {@link #refusedToUser answered} instead. */
    String urlOf(AuthorizationResult outcome, List<Map.Entry<String, String>> request, Instant now) {
        return switch (outcome) {
            case RedirectToClientResult toClient -> OAuthController.withQuery(toClient.redirectUri(),
                    OAuthController.withIssuer(toClient.parameters(), issuer));
            case SignInRequiredResult ignored -> OAuthController.withQuery(pages.signIn().toString(),
                    signedQueries.sign(request, now));
            case ConsentRequiredResult ignored -> OAuthController.withQuery(pages.consent().toString(),
                    signedQueries.sign(request, now));
            case UnredirectableResult refused -> throw new IllegalStateException("answered, not redirected: " + refused);
        };
    }

    /**
     * A refusal that cannot go back to the client is the user's to read: 400 whatever its code, since
     * no client is authenticating here (401 {@code invalid_client} is the token endpoint's).
     */
    static ResponseEntity<Object> refusedToUser(UnredirectableResult refused) {
        return ResponseEntity.badRequest().cacheControl(CacheControl.noStore()).body(refusalBody(refused));
    }

    static Map<String, Object> refusalBody(UnredirectableResult refused) {
        return Map.of("error", refused.error().wireName(), "error_description", refused.description());
    }
}
