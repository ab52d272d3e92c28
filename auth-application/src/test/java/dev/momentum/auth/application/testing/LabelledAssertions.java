package dev.momentum.auth.application.testing;

import dev.momentum.auth.application.error.OAuthException;
import dev.momentum.auth.application.error.OAuthException.Code;
import dev.momentum.auth.application.oauth.port.out.ClientAssertions;
import dev.momentum.auth.domain.oauth.ClientAssertion;
import java.time.Instant;
import java.util.Set;

/**
 * Client assertions written {@code <kid> <client id> <audience> <jti> <expiry in epoch seconds>}: one
 * is "signed" when its kid appears in the client's JWK set text. The real checks are
 * {@code NimbusClientAssertions}'s, tested in the crypto adapter.
 */
public final class LabelledAssertions implements ClientAssertions {

    public static String assertion(String kid, String clientId, String audience, String jti, Instant expiresAt) {
        return String.join(" ", kid, clientId, audience, jti, String.valueOf(expiresAt.getEpochSecond()));
    }

    @Override
    public ClientAssertion verify(String assertion, String jwks, String clientId, Set<String> audiences, Instant now) {
        String[] parts = assertion.split(" ");
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[4]));
        if (!jwks.contains("\"kid\":\"" + parts[0] + "\"") || !parts[1].equals(clientId)
                || !audiences.contains(parts[2]) || !expiresAt.isAfter(now)) {
            throw new OAuthException(Code.INVALID_CLIENT, "the client assertion is not valid");
        }
        return new ClientAssertion(parts[3], expiresAt);
    }
}
