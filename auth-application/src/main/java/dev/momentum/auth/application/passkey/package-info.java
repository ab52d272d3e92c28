/**
 * Passkeys: WebAuthn registration and sign-in as better-auth's passkey plugin speaks them, and the
 * user's own list of passkeys.
 */
package dev.momentum.auth.application.passkey;
