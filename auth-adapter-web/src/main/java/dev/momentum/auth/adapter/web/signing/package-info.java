/**
 * Web: the JWT for backends (/token), the JWKS and the discovery document.
 */
package dev.momentum.auth.adapter.web.signing;
