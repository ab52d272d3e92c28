/**
 * In-port of the better-auth import.
 */
package dev.momentum.auth.application.migration.port.in;
