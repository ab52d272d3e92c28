/**
 * Out-ports of the account capability: the profile and the linked sign-in methods.
 */
package dev.momentum.auth.application.account.port.out;
