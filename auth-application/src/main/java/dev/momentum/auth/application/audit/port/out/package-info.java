/**
 * Where security events are kept.
 */
package dev.momentum.auth.application.audit.port.out;
