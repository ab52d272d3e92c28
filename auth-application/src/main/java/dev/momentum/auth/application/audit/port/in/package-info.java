/**
 * What a driving adapter tells the audit of the request it serves.
 */
package dev.momentum.auth.application.audit.port.in;
