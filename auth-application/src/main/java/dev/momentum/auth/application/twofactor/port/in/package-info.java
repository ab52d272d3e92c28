/**
 * In-ports of the second-factor capability: enrol, verify, replace backup codes, remove.
 */
package dev.momentum.auth.application.twofactor.port.in;
