/**
 * Out-ports of mail: the outbox and the mailer.
 */
package dev.momentum.auth.application.mail.port.out;
