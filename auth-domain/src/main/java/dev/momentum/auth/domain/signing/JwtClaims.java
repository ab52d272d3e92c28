package dev.momentum.auth.domain.signing;

import java.time.Instant;

/** What a JWT we sign states; each kind has its claim names and its {@code typ} on the wire. */
public sealed interface JwtClaims permits TokenClaims, AccessTokenClaims, IdTokenClaims {

    String issuer();

    Instant issuedAt();

    Instant expiresAt();
}
