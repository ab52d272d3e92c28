package dev.momentum.auth.application.support.port.out;

/** Cryptographically strong randomness, the only source of it for the use cases. */
public interface SecureTokenGenerator {

    /** 32 characters [A-Za-z0-9] (about 190 bits): session and verification tokens. */
    String newToken();

    /** 32 characters [A-Za-z0-9]: row identifiers. */
    String newId();

    /** Six decimal digits, each equally likely: codes a person types from a mail. */
    String newCode();
}
