/**
 * Second factors: authenticator apps and their backup codes, kept sealed, the rules that accept
 * their codes, and the second step of a password sign-in (challenges and trusted devices).
 */
package dev.momentum.auth.application.twofactor;
