/**
 * Web: the admin API for holders of our own admin tokens (ADR-0034).
 */
package dev.momentum.auth.adapter.web.admin;
