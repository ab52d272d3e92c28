package dev.momentum.auth.application.oauth.port.in;

import dev.momentum.auth.domain.oauth.Scopes;
import java.time.Duration;
import java.util.Optional;

/** What the token endpoint answers (RFC 6749 section 5.1, OpenID Connect's {@code id_token}). */
public record TokenResult(String accessToken, Duration expiresIn, Scopes scopes, Optional<String> refreshToken,
                          Optional<String> idToken) {

    @Override
    public String toString() {
        return "TokenResult[" + scopes + "]";
    }
}
