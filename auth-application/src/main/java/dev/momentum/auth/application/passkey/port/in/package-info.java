/**
 * In-ports of the passkey capability: register, sign in, list, rename and delete.
 */
package dev.momentum.auth.application.passkey.port.in;
