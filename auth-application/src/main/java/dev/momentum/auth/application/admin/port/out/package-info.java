/**
 * Out-ports of the admin capability.
 */
package dev.momentum.auth.application.admin.port.out;
