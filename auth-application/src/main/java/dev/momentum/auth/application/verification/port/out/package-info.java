/**
 * Out-ports of the verification capability: the verification tokens, the links mailed with them,
 * and the ownership of an address that a followed link proves.
 */
package dev.momentum.auth.application.verification.port.out;
