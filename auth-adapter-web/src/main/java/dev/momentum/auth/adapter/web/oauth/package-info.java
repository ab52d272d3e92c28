/**
 * The OAuth 2.1 and OpenID Connect endpoints (ADR-0051): authorization, consent, token,
 * registration, userinfo and the metadata documents, under better-auth oauth-provider's paths.
 */
package dev.momentum.auth.adapter.web.oauth;
