/**
 * Web: turns every failure into a status and {"code","message"} (ADR-0009); owns the wire wording.
 */
package dev.momentum.auth.adapter.web.error;
