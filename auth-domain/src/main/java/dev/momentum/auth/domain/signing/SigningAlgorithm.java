package dev.momentum.auth.domain.signing;

/** The JWS algorithms tokens can be signed with; names as in JOSE. */
public enum SigningAlgorithm {
    ES256,
    EdDSA,
    RS256
}
