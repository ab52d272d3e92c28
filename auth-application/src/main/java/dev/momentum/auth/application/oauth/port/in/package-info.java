/**
 * In-ports of the authorization server: authorize and consent, tokens, client registration,
 * userinfo and the terms its metadata states.
 */
package dev.momentum.auth.application.oauth.port.in;
