/**
 * Out-ports of the better-auth import: the source, the target and better-auth's secrets.
 */
package dev.momentum.auth.application.migration.port.out;
