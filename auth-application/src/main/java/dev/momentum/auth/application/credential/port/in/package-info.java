/**
 * In-ports of the credential capability.
 */
package dev.momentum.auth.application.credential.port.in;
