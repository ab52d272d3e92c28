/**
 * Web: e-mail and password: sign-up, sign-in, change, reset and verify a password.
 */
package dev.momentum.auth.adapter.web.credential;
