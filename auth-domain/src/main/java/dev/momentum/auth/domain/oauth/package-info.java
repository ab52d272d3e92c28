/**
 * OAuth 2.1 rules the authorization server applies whatever the transport: how a redirect URI
 * matches the registered one, what a resource indicator is, and the PKCE check.
 */
package dev.momentum.auth.domain.oauth;
