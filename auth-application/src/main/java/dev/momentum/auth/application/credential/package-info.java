/**
 * Use cases of e-mail and password: sign-up, sign-in, change, reset, verify; the password check
 * every one of them uses.
 */
package dev.momentum.auth.application.credential;
