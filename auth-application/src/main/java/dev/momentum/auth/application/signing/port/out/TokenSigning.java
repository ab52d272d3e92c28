package dev.momentum.auth.application.signing.port.out;

import dev.momentum.auth.domain.signing.JwtClaims;
import dev.momentum.auth.domain.signing.SigningKey;

/** JWS key pairs and signatures. */
public interface TokenSigning {

    /** A new key pair for the key; CPU-heavy for RSA, so call it off the event loop. */
    StoredSigningKey generate(SigningKey key);

    /** Opens the private key once; the signer is then reused for every token. */
    Signer signer(StoredSigningKey key);

    interface Signer {

        /** A compact JWS with header {@code alg}, {@code kid} and the kind's {@code typ}, stating these claims. */
        String sign(JwtClaims claims);
    }
}
