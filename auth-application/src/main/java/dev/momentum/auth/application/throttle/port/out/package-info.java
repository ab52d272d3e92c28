/**
 * Where rate-limit counters are kept.
 */
package dev.momentum.auth.application.throttle.port.out;
