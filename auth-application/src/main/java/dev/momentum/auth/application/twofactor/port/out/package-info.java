/**
 * Out-ports of the two-factor capability: the codes of an authenticator app's secret and the
 * link that enrols the app.
 */
package dev.momentum.auth.application.twofactor.port.out;
