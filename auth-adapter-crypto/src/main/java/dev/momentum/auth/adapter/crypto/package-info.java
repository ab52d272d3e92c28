/**
 * Driven adapter: password hashing (Argon2id, imported scrypt), token signing with Nimbus, secret
 * sealing and secure random tokens, behind the application's out-ports.
 */
package dev.momentum.auth.adapter.crypto;
