/**
 * Driven adapter: delivers account mail through SMTP, Resend or the log (ADR-0008), behind the
 * mail out-port.
 */
package dev.momentum.auth.adapter.mail;
