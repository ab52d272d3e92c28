package dev.momentum.auth.domain.oauth;

import dev.momentum.auth.domain.session.SessionId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an authorization code carries beyond its {@link OAuthGrant}, kept under the code's hash until
 * its single use: where it was sent and the PKCE challenge that binds it to whoever holds the
 * verifier.
 *
 * @param session the session that consented: the ID token's {@code sid}
 */
public record AuthorizationCode(String grantId, SessionId session, String redirectUri, String codeChallenge,
                                Optional<String> nonce, Instant expiresAt) {

    public AuthorizationCode {
        Objects.requireNonNull(grantId, "grantId cannot be null");
        Objects.requireNonNull(session, "session cannot be null");
        Objects.requireNonNull(redirectUri, "redirectUri cannot be null");
        Objects.requireNonNull(nonce, "nonce cannot be null");
        Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
        if (!Pkce.isChallenge(codeChallenge)) {
            throw new IllegalArgumentException("a code is bound by an S256 challenge");
        }
    }
}
