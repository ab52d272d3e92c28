/**
 * Out-ports of the passkey capability: stored passkeys and challenges, and WebAuthn verification.
 */
package dev.momentum.auth.application.passkey.port.out;
