/**
 * Second factors: authenticator apps and their backup codes, kept sealed, and the rules that
 * accept their codes.
 */
package dev.momentum.auth.application.twofactor;
