/**
 * An OAuth 2.1 and OpenID Connect authorization server for MCP clients and third-party apps
 * (ADR-0051): the code flow with PKCE, resource indicators as audiences, refresh-token rotation,
 * client credentials, dynamic registration and remembered consent.
 */
package dev.momentum.auth.application.oauth;
