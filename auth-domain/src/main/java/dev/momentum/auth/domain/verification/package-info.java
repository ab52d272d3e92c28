/**
 * Verification tokens and what they prove.
 */
package dev.momentum.auth.domain.verification;
