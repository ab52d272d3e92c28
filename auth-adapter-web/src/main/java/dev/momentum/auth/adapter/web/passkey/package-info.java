/**
 * Driving adapter: better-auth's passkey plugin's routes under {@code /api/auth/passkey} and its
 * challenge cookie.
 */
package dev.momentum.auth.adapter.web.passkey;
