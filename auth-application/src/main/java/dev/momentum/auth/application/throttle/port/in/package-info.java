/**
 * In-port of rate limiting.
 */
package dev.momentum.auth.application.throttle.port.in;
