/**
 * Health, housekeeping of stale rows, and the operational figures for metrics.
 */
package dev.momentum.auth.application.operations;
