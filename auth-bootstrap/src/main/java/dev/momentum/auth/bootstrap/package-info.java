/**
 * The one Spring Boot application: starts the service or runs a command (migrate, import).
 */
package dev.momentum.auth.bootstrap;
