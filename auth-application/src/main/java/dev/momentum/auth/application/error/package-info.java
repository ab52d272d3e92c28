/**
 * The failures the use cases answer, which the web adapter maps to the wire.
 */
package dev.momentum.auth.application.error;
