package dev.momentum.auth.application.oauth.port.out;

import dev.momentum.auth.domain.oauth.ClientAssertion;
import java.time.Instant;
import java.util.Set;

/** Checks the JWTs clients sign to authenticate ({@code private_key_jwt}, RFC 7523 section 3). */
public interface ClientAssertions {

    /**
     * The assertion, when one of these public keys signed it with an asymmetric algorithm, it names
     * the client as both issuer and subject, one of these audiences, a {@code jti}, and has not
     * expired; otherwise an {@code OAuthException} {@code invalid_client} saying why.
     *
     * @param jwks the client's JWK set, as JSON text
     */
    ClientAssertion verify(String assertion, String jwks, String clientId, Set<String> audiences, Instant now);
}
