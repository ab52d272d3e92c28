/**
 * Signing keys and their rotation.
 */
package dev.momentum.auth.domain.signing;
