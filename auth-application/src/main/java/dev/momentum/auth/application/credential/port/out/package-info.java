/**
 * Out-ports of the credential capability: password hashing.
 */
package dev.momentum.auth.application.credential.port.out;
