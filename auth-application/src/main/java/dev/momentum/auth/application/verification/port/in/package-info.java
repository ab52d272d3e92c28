/**
 * In-ports of the verification capability.
 */
package dev.momentum.auth.application.verification.port.in;
