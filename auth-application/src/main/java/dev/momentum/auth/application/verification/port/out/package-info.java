/**
 * Out-ports of the verification capability: the verification tokens.
 */
package dev.momentum.auth.application.verification.port.out;
