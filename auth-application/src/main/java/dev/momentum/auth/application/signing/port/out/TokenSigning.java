package dev.momentum.auth.application.signing.port.out;

import dev.momentum.auth.domain.signing.SigningKey;
import dev.momentum.auth.domain.signing.TokenClaims;

/** JWS key pairs and signatures. */
public interface TokenSigning {

    /** A new key pair for the key; CPU-heavy for RSA, so call it off the event loop. */
    StoredSigningKey generate(SigningKey key);

    /** Opens the private key once; the signer is then reused for every token. */
    Signer signer(StoredSigningKey key);

    interface Signer {

        /** A compact JWS with header {@code alg} and {@code kid}, stating these claims. */
        String sign(TokenClaims claims);
    }
}
