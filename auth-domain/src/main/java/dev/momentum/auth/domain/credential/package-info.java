/**
 * Passwords, their hashes and policy; the accounts linked to a user.
 */
package dev.momentum.auth.domain.credential;
