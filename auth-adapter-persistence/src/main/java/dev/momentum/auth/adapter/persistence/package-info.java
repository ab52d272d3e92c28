/**
 * Driven adapter: PostgreSQL (or embedded H2) through R2DBC, the Liquibase changelog, and the
 * change notices that keep the session cache true (ADR-0036).
 */
package dev.momentum.auth.adapter.persistence;
