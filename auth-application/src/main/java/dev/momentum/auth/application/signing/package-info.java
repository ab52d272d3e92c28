/**
 * Use cases of JWTs for backends: issue a session's token, rotate the signing keys, publish the
 * JWKS.
 */
package dev.momentum.auth.application.signing;
