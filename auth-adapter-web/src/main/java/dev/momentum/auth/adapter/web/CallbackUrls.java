package dev.momentum.auth.adapter.web;

import dev.momentum.auth.adapter.web.error.HttpProblem;
import dev.momentum.auth.adapter.web.security.TrustedOrigins;

/** Refuses redirect targets outside the trusted origins: no open redirects through the auth service. */
final class CallbackUrls {

    private final TrustedOrigins trustedOrigins;

    CallbackUrls(TrustedOrigins trustedOrigins) {
        this.trustedOrigins = trustedOrigins;
    }

    /** Passes null and safe values through; throws the field's 403 code otherwise. */
    String requireSafe(String field, String url) {
        if (url != null && !url.isEmpty() && !trustedOrigins.isSafeRedirect(url)) {
            throw HttpProblem.invalidCallbackUrl(field);
        }
        return url;
    }
}
