/**
 * Records security events into the audit trail (ADR-0032), for every capability.
 */
package dev.momentum.auth.application.audit;
