package dev.momentum.auth.domain.oauth;

import java.util.Optional;

/**
 * Who a request to the token endpoint says it comes from, and the secret it showed (by HTTP Basic
 * or in the form: a client with a secret may use either).
 */
public record PresentedClient(String clientId, Optional<String> secret) {

    @Override
    public String toString() {
        return "PresentedClient[" + clientId + (secret.isPresent() ? ", with a secret]" : "]");
    }
}
