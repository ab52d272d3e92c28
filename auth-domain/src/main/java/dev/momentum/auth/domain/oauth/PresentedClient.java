package dev.momentum.auth.domain.oauth;

import java.util.Objects;
import java.util.Optional;

/**
 * Who a request to the token endpoint says it comes from, and its proof: a secret (by HTTP Basic or
 * in the form: a client with a secret may use either), or a JWT it signed (RFC 7523,
 * {@code private_key_jwt}).
 */
public record PresentedClient(String clientId, Optional<String> secret, Optional<String> assertion) {

    public PresentedClient {
        Objects.requireNonNull(secret, "secret cannot be null");
        Objects.requireNonNull(assertion, "assertion cannot be null");
    }

    public PresentedClient(String clientId, Optional<String> secret) {
        this(clientId, secret, Optional.empty());
    }

    @Override
    public String toString() {
        return "PresentedClient[" + clientId + (secret.isPresent() ? ", with a secret]"
                : assertion.isPresent() ? ", with an assertion]" : "]");
    }
}
