/**
 * Settings from the environment and the wiring of use cases to adapters; no logic of its own.
 */
package dev.momentum.auth.bootstrap.config;
