/**
 * Rate-limit windows.
 */
package dev.momentum.auth.domain.throttle;
