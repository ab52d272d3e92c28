/**
 * Out-ports of operations.
 */
package dev.momentum.auth.application.operations.port.out;
