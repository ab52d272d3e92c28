/**
 * Out-ports every capability may use: transactions, secure randomness, secret sealing.
 */
package dev.momentum.auth.application.support.port.out;
