/**
 * Commands that run before or instead of serving: the better-auth import.
 */
package dev.momentum.auth.bootstrap.migration;
