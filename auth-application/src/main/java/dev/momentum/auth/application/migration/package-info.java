/**
 * Imports a better-auth database with the same ids (ADR-0040).
 */
package dev.momentum.auth.application.migration;
