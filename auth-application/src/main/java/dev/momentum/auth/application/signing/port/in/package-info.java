/**
 * In-ports of the signing capability.
 */
package dev.momentum.auth.application.signing.port.in;
