package dev.momentum.auth.domain.signing;

import java.util.List;

/**
 * The public keys a verifier may check our tokens with, in the order they are published: the
 * content of a JWK set, which the serving adapter writes as {@code {"keys":[…]}}.
 */
public record PublishedKeys(List<PublicJwk> keys) {

    public PublishedKeys {
        keys = List.copyOf(keys);
    }

    public static PublishedKeys of(List<String> jwks) {
        return new PublishedKeys(jwks.stream().map(PublicJwk::new).toList());
    }
}
