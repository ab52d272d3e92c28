/**
 * Rate limits, counted before any hash (ADR-0022).
 */
package dev.momentum.auth.application.throttle;
