/**
 * The user store.
 */
package dev.momentum.auth.application.user.port.out;
