/**
 * Driving adapter: better-auth's twoFactor plugin's routes under {@code /api/auth/two-factor} and
 * its two_factor and trust_device cookies.
 */
package dev.momentum.auth.adapter.web.twofactor;
