/**
 * Out-ports of the signing capability: key storage and signing.
 */
package dev.momentum.auth.application.signing.port.out;
