/**
 * Security events.
 */
package dev.momentum.auth.domain.audit;
