/**
 * In-ports of the account capability.
 */
package dev.momentum.auth.application.account.port.in;
