package dev.momentum.auth.adapter.web;

import dev.momentum.auth.adapter.web.error.HttpProblem;
import dev.momentum.auth.adapter.web.security.TrustedOrigins;
import dev.momentum.auth.domain.token.LinkToken;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Refuses redirect targets outside the trusted origins: no open redirects through the auth service. */
public final class CallbackUrls {

    private final TrustedOrigins trustedOrigins;

    CallbackUrls(TrustedOrigins trustedOrigins) {
        this.trustedOrigins = trustedOrigins;
    }

    /** Passes null and safe values through; throws the field's 403 code otherwise. */
    public String requireSafe(String field, String url) {
        if (url != null && !url.isEmpty() && !trustedOrigins.isSafeRedirect(url)) {
            throw HttpProblem.invalidCallbackUrl(field);
        }
        return url;
    }

    /** A mailed link's token, required as better-auth's query schema requires it. */
    public static LinkToken requireLinkToken(String token) {
        return LinkToken.parse(token).orElseThrow(() -> HttpProblem.absent("query.token"));
    }

    /** What a followed link answers: a redirect to the checked callback if there is one, else the JSON body. */
    public static ResponseEntity<Object> redirectOrBody(String target, Object body) {
        return target == null || target.isEmpty()
                ? ResponseEntity.ok().body(body)
                : ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
    }
}
