/**
 * Delivers account mail from the transactional outbox, with retries (ADR-0014).
 */
package dev.momentum.auth.application.mail;
