/**
 * Out-ports of the credential capability: password hashing and the stored password credentials.
 */
package dev.momentum.auth.application.credential.port.out;
