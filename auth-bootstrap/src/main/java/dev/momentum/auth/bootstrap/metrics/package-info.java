/**
 * Prometheus metrics of the running service (ADR-0033).
 */
package dev.momentum.auth.bootstrap.metrics;
