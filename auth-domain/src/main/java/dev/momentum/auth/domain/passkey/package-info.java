/**
 * Passkeys (WebAuthn credentials) as better-auth's passkey plugin stores them.
 */
package dev.momentum.auth.domain.passkey;
