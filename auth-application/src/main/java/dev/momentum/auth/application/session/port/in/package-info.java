/**
 * In-ports of the session capability.
 */
package dev.momentum.auth.application.session.port.in;
