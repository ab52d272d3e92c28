package dev.momentum.auth.application.signing.port.in;

/** What every token states and how it is signed, for the discovery document and our own verifier. */
public interface TokenTermsQuery {

    /** The {@code iss} of every token. */
    String issuer();

    /** The {@code aud} of every token. */
    String audience();

    /** The JWS algorithm new tokens are signed with. */
    String algorithm();
}
