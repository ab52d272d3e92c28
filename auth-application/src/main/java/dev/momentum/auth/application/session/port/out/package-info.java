/**
 * Out-ports of the session capability: the sessions and the feed of user changes.
 */
package dev.momentum.auth.application.session.port.out;
