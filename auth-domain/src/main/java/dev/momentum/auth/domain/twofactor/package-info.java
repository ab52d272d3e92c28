/**
 * Second factors: the shared secret of an authenticator app and the rules by which its codes are
 * accepted (RFC 6238, as better-auth checks them).
 */
package dev.momentum.auth.domain.twofactor;
